using System.Globalization;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;
using Studio.App.Components.Shared;
using Studio.Core.Events;
using Studio.Core.Jobs;

namespace Studio.App.Components.Pages;

/// <summary>
/// The signed-in user's videos with live status and progress. Reads the list first, then listens to the
/// user's job events through a <see cref="LiveFeed"/>, which re-reads it at most ten times a second.
/// </summary>
public sealed partial class Dashboard : IAsyncDisposable
{
    private readonly CancellationTokenSource _cts = new();
    private string? _userId;
    private bool _loading = true;
    private string? _loadError;
    private bool _liveTrouble;
    private LiveFeed? _live;

    /// <summary>The listed jobs; carried from the prerender to the circuit so the page does not flash back to loading.</summary>
    [PersistentState]
    public IReadOnlyList<JobSummary>? Listed { get; set; }

    [CascadingParameter]
    private Task<AuthenticationState>? AuthenticationState { get; set; }

    [Inject]
    private JobService Jobs { get; set; } = default!;

    [Inject]
    private IJobEvents Events { get; set; } = default!;

    [Inject]
    private TimeProvider Time { get; set; } = default!;

    [Inject]
    private ILogger<Dashboard> Logger { get; set; } = default!;

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        await _cts.CancelAsync();
        if (_live is not null)
        {
            await _live.DisposeAsync();
        }

        _cts.Dispose();
    }

    protected override async Task OnInitializedAsync()
    {
        if (Listed is null)
        {
            await LoadAsync();
            return;
        }

        // Restored from the prerender: show it at once; the catch-up refresh brings it up to date.
        _loading = false;
        _userId = await AuthenticationState.RequireUserIdAsync();
        StartListening();
    }

    private static string CountsText(IReadOnlyList<JobSummary> jobs)
    {
        var busy = jobs.Count(j => StatusLook.Of(j.Status).IsBusy);
        var ready = jobs.Count(j => j.Status == JobStatus.Completed);
        var parts = new List<string> { jobs.Count == 1 ? "1 video" : string.Create(CultureInfo.InvariantCulture, $"{jobs.Count} videos") };
        if (busy > 0)
        {
            parts.Add(string.Create(CultureInfo.InvariantCulture, $"{busy} in progress"));
        }

        if (ready > 0)
        {
            parts.Add(string.Create(CultureInfo.InvariantCulture, $"{ready} ready"));
        }

        return string.Join(" · ", parts);
    }

    private async Task RetryAsync() => await LoadAsync();

    private async Task LoadAsync()
    {
        _loading = true;
        _loadError = null;
        try
        {
            _userId ??= await AuthenticationState.RequireUserIdAsync();
            Listed = await Jobs.ListAsync(_userId, _cts.Token);
        }
        catch (OperationCanceledException) when (_cts.IsCancellationRequested)
        {
            return;
        }
#pragma warning disable CA1031 // Any failure to read becomes the page's error state with a retry.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            UiLog.LoadFailed(Logger, ex, "the job list");
            _loadError = "Studio could not read them from its database. Check that the server is running, then try again.";
        }
        finally
        {
            _loading = false;
        }

        StartListening();
    }

    // After the first read: any change to one of the user's jobs (new, started, progressing, done) marks the list
    // stale. The catch-up refresh covers changes between that read and the subscription. Prerenders never listen.
    private void StartListening()
    {
        if (_userId is null || _loadError is not null || _live?.IsListening == true || !RendererInfo.IsInteractive)
        {
            return;
        }

        var userId = _userId;
        (_live ??= new LiveFeed(RefreshAsync, OnRefreshFailed, Time)).Listen(handler => Events.SubscribeToOwner(userId, handler));
    }

    private async Task RefreshAsync(CancellationToken ct)
    {
        var jobs = await Jobs.ListAsync(_userId!, ct);
        ct.ThrowIfCancellationRequested();
        await InvokeAsync(() =>
        {
            Listed = jobs;
            _liveTrouble = false;
            StateHasChanged();
        });
    }

    private void OnRefreshFailed(Exception ex)
    {
        UiLog.LiveRefreshFailed(Logger, ex, "the job list");
        _ = InvokeAsync(() =>
        {
            _liveTrouble = true;
            StateHasChanged();
        });
    }
}
