using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.Extensions.Localization;
using MudBlazor;
using Studio.App.Components.Shared;
using Studio.Core.Events;
using Studio.Core.Jobs;
using Studio.Core.Notifications;

namespace Studio.App.Components.Notifications;

/// <summary>
/// The bell in the app bar: the signed-in user's unread count, a list of their newest notifications (unread ones marked
/// by a dot, a bold title and a tinted row; opening one marks it read and goes to the job) and "mark all as read". It lives as long as the layout, i.e. the whole circuit, so it also listens to the
/// user's job events and shows a snackbar when one of their jobs completes or fails, whatever page is open. The
/// notification itself is stored by Core in the job's own save; the event only says when to look.
/// </summary>
public sealed partial class NotificationBell : IAsyncDisposable
{
    private readonly CancellationTokenSource _cts = new();
    private readonly HashSet<Guid> _announced = [];
    private readonly SemaphoreSlim _refreshing = new(1, 1);
    private IDisposable? _subscription;
    private string? _userId;
    private NotificationInbox? _inbox;
    private int _unread;
    private bool _busy;
    private string? _error;

    [CascadingParameter]
    private Task<AuthenticationState>? AuthenticationState { get; set; }

    [Inject]
    private NotificationCenter Center { get; set; } = default!;

    [Inject]
    private IJobEvents Events { get; set; } = default!;

    [Inject]
    private ISnackbar Snackbar { get; set; } = default!;

    [Inject]
    private NavigationManager Navigation { get; set; } = default!;

    [Inject]
    private ILogger<NotificationBell> Logger { get; set; } = default!;

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        _subscription?.Dispose();
        await _cts.CancelAsync();
        _cts.Dispose();
        _refreshing.Dispose();
    }

    protected override async Task OnInitializedAsync()
    {
        _userId = await AuthenticationState.RequireUserIdAsync();
        await RefreshAsync(announce: false);

        // The prerender has no circuit to push to: listen only once interactive.
        if (RendererInfo.IsInteractive)
        {
            _subscription = Events.SubscribeToOwner(_userId, OnJobChangedAsync);

            // A job that finished between the first read and the subscription is caught by this second look.
            await RefreshAsync(announce: true);
        }
    }

    private ValueTask OnJobChangedAsync(JobChanged change)
    {
        if (change.SegmentIndex is null && change.Status is JobStatus.Completed or JobStatus.Failed)
        {
            // Runs on the publisher's path: hand over and return at once.
            _ = InvokeAsync(async () =>
            {
                try
                {
                    await RefreshAsync(announce: true);
                    StateHasChanged();
                }
                catch (ObjectDisposedException)
                {
                    // The circuit closed meanwhile.
                }
            });
        }

        return ValueTask.CompletedTask;
    }

    private async Task RefreshAsync(bool announce)
    {
        if (_userId is null || _cts.IsCancellationRequested)
        {
            return;
        }

        await _refreshing.WaitAsync(_cts.Token);
        try
        {
            _inbox = await Center.InboxAsync(_userId, _cts.Token);
            _unread = _inbox.Unread;
            _error = null;
            foreach (var item in _inbox.Latest.Where(n => _announced.Add(n.Id)).Reverse())
            {
                if (announce && !item.IsRead)
                {
                    Announce(item);
                }
            }
        }
        catch (OperationCanceledException) when (_cts.IsCancellationRequested)
        {
        }
#pragma warning disable CA1031 // The bell is in every page's app bar: a failed read shows an error in the list, never breaks the page.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            UiLog.LoadFailed(Logger, ex, "notifications");
            _error = ex.Message;
        }
        finally
        {
            _refreshing.Release();
        }
    }

    private void Announce(NotificationSummary item)
    {
        var completed = item.Outcome == JobStatus.Completed;
        var text = completed
            ? L["“{0}” is ready.", item.JobTitle]
            : L["“{0}” failed: {1}", item.JobTitle, item.Error ?? L["no reason was given"]];
        var link = $"/jobs/{item.JobId}";
        Snackbar.Add(text.Value, completed ? Severity.Success : Severity.Error, config =>
        {
            config.Action = L["Open"];
            config.ActionColor = completed ? Color.Success : Color.Error;
            config.VisibleStateDuration = completed ? 8000 : 15000;
            config.OnClick = _ =>
            {
                Navigation.NavigateTo(link);
                return Task.CompletedTask;
            };
        }, key: SnackbarKey(item.Id));
    }

    private static string SnackbarKey(Guid notificationId) => $"notification-{notificationId}";

    private async Task OnOpenChangedAsync(bool open)
    {
        if (open)
        {
            // The list says it all now; its messages would cover the list's top on a phone.
            foreach (var id in _announced)
            {
                Snackbar.RemoveByKey(SnackbarKey(id));
            }

            await RefreshAsync(announce: false);
        }
    }

    /// <summary>Opening a notification marks it read (its link then leads to the job); the count follows at once.</summary>
    private async Task OpenAsync(NotificationSummary item)
    {
        if (_userId is null || item.IsRead)
        {
            return;
        }

        try
        {
            await Center.MarkReadAsync(_userId, item.Id, _cts.Token);
            await RefreshAsync(announce: false);
        }
        catch (OperationCanceledException) when (_cts.IsCancellationRequested)
        {
            // The circuit closed meanwhile (the link navigated away with a full load).
        }
    }

    private async Task MarkAllReadAsync()
    {
        if (_userId is null)
        {
            return;
        }

        _busy = true;
        try
        {
            await Center.MarkAllReadAsync(_userId, _cts.Token);
            await RefreshAsync(announce: false);
        }
        finally
        {
            _busy = false;
        }
    }
}
