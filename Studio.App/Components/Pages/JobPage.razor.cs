using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.Extensions.Localization;
using Studio.App.Components.Shared;
using Studio.Core.Events;
using Studio.Core.Jobs;
using Studio.Core.Providers;
using MudBlazor;
using Studio.Core.Templates;

namespace Studio.App.Components.Pages;

/// <summary>
/// One video: its brief, live progress per segment, and the player once it is ready. Reads the job first, then
/// listens to its events through a <see cref="LiveFeed"/>, which re-reads the job at most ten times a second.
/// </summary>
public sealed partial class JobPage : IAsyncDisposable
{
    private static readonly TimeSpan TickInterval = TimeSpan.FromSeconds(1);

    private readonly CancellationTokenSource _cts = new();
    private Guid? _shownId;
    private string? _userId;
    private bool _loading = true;
    private string? _loadError;
    private bool _liveTrouble;
    private bool _busy;
    private string? _overBudget;
    private LiveFeed? _live;
    private ITimer? _ticker;

    /// <summary>The job's id, from the route.</summary>
    [Parameter]
    public Guid Id { get; set; }

    /// <summary>The job shown; carried from the prerender to the circuit so the page does not flash back to loading.</summary>
    [PersistentState]
    public JobDetails? Shown { get; set; }

    [CascadingParameter]
    private Task<AuthenticationState>? AuthenticationState { get; set; }

    [Inject]
    private JobService Jobs { get; set; } = default!;

    [Inject]
    private VideoProviderCatalog Providers { get; set; } = default!;

    [Inject]
    private IJobEvents Events { get; set; } = default!;

    [Inject]
    private IStringLocalizer<JobPage> L { get; set; } = default!;

    [Inject]
    private JobControl Control { get; set; } = default!;

    [Inject]
    private ISnackbar Snackbar { get; set; } = default!;

    [Inject]
    private TimeProvider Time { get; set; } = default!;

    [Inject]
    private ILogger<JobPage> Logger { get; set; } = default!;

    private DateTimeOffset Now => Time.GetUtcNow();

    // Tall videos sit beside the details on wide screens; wide videos go on top.
    private static string? LayoutClass(JobDetails job) => !job.HasVideo
        ? null
        : job.AspectRatio is AspectRatio.Portrait9x16 or AspectRatio.Portrait4x5 ? "video-side" : "video-top";

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        StopListening();
        await _cts.CancelAsync();
        if (_live is not null)
        {
            await _live.DisposeAsync();
        }

        _cts.Dispose();
    }

    // The route may change the id while the page stays (one job page to another): start over for the new job.
    protected override async Task OnParametersSetAsync()
    {
        if (_shownId == Id)
        {
            return;
        }

        _shownId = Id;
        StopListening();
        if (_live is not null)
        {
            await _live.DisposeAsync();
            _live = null;
        }

        if (Shown?.Id == Id)
        {
            // Restored from the prerender: show it at once; the catch-up refresh brings it up to date.
            _loading = false;
            _userId ??= await AuthenticationState.RequireUserIdAsync();
            StartListening();
            return;
        }

        Shown = null;
        await LoadAsync();
    }

    private async Task RetryAsync() => await LoadAsync();

    private async Task LoadAsync()
    {
        _loading = true;
        _loadError = null;
        try
        {
            _userId ??= await AuthenticationState.RequireUserIdAsync();
            Shown = await Jobs.GetAsync(_userId, Id, _cts.Token);
        }
        catch (OperationCanceledException) when (_cts.IsCancellationRequested)
        {
            return;
        }
#pragma warning disable CA1031 // Any failure to read becomes the page's error state with a retry.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            UiLog.LoadFailed(Logger, ex, "a job");
            _loadError = L["Studio could not read it from its database. Check that the server is running, then try again."];
        }
        finally
        {
            _loading = false;
        }

        StartListening();
    }

    // After the first read: events from now on mark the view stale. A catch-up refresh covers anything that
    // changed between that read and the subscription. A prerender (no circuit) never listens.
    private void StartListening()
    {
        if (Shown is null || Shown.Status.IsFinished() || _live?.IsListening == true || !RendererInfo.IsInteractive)
        {
            return;
        }

        var id = Id;
        (_live ??= new LiveFeed(RefreshAsync, OnRefreshFailed, Time)).Listen(handler => Events.SubscribeToJob(id, handler));
        _ticker = Time.CreateTimer(_ => _ = InvokeAsync(StateHasChanged), null, TickInterval, TickInterval);
    }

    private void StopListening()
    {
        _live?.Stop();
        _ticker?.Dispose();
        _ticker = null;
    }

    // Runs on the thread pool (the refresher's loop); state is handed over on the renderer's context.
    private async Task RefreshAsync(CancellationToken ct)
    {
        var job = await Jobs.GetAsync(_userId!, Id, ct);
        ct.ThrowIfCancellationRequested();
        await InvokeAsync(() =>
        {
            Shown = job;
            _liveTrouble = false;

            // A finished job changes no more: stop listening (the refresher goes idle by itself).
            if (job is null || job.Status.IsFinished())
            {
                StopListening();
            }

            StateHasChanged();
        });
    }

    private Task CancelJobAsync() =>
        RunCommandAsync((owner, ct) => Control.CancelAsync(owner, Id, ct), L["Cancelled. Segments already made are kept."]);

    private Task RetryJobAsync() =>
        RunCommandAsync((owner, ct) => Control.RetryAsync(owner, Id, ct), L["Trying again: only the segments without a clip are made anew."]);

    private Task ReassembleAsync() =>
        RunCommandAsync((owner, ct) => Control.ReassembleAsync(owner, Id, ct), L["Assembling the final cut again from the clips in place."]);

    private Task RegenerateAsync(int index) =>
        RunCommandAsync((owner, ct) => Control.RegenerateAsync(owner, Id, index, null, ct), L["Making a new take of segment {0}; the current one stays until it is ready.", index + 1]);

    private Task SelectTakeAsync(JobProgressPanel.TakeChoice choice) =>
        RunCommandAsync((owner, ct) => Control.SelectTakeAsync(owner, Id, choice.SegmentIndex, choice.Take, ct), L["Take {0} goes into segment {1}; assembling the cut again.", choice.Take, choice.SegmentIndex + 1]);

    // Runs a command, says how it went, then reads the job again and listens while it is active.
    private async Task RunCommandAsync(Func<string, CancellationToken, Task<JobCommandResult>> command, string doneMessage)
    {
        _busy = true;
        try
        {
            var result = await command(_userId!, _cts.Token);

            // A budget refusal stays on the page with its figures (nothing was changed); any other outcome replaces it.
            _overBudget = result.Outcome == JobCommandOutcome.OverBudget ? result.Reason ?? L["Over your monthly budget."] : null;
            switch (result.Outcome)
            {
                case JobCommandOutcome.Done:
                    Snackbar.Add(doneMessage, Severity.Success);
                    break;
                case JobCommandOutcome.OverBudget:
                    Snackbar.Add(L["Over your monthly budget: nothing was changed."], Severity.Warning);
                    break;
                case JobCommandOutcome.NotFound:
                    Snackbar.Add(L["This video or segment no longer exists."], Severity.Warning);
                    break;
                default:
                    Snackbar.Add(result.Reason ?? L["That is not possible right now."], Severity.Warning);
                    break;
            }

            Shown = await Jobs.GetAsync(_userId!, Id, _cts.Token);
            StartListening();
        }
        catch (OperationCanceledException) when (_cts.IsCancellationRequested)
        {
            // The page is closing.
        }
#pragma warning disable CA1031 // A failed command is reported on the page; the job is unchanged.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            UiLog.LoadFailed(Logger, ex, "a job command");
            Snackbar.Add(L["Studio could not do that: its database did not answer. Try again in a moment."], Severity.Error);
        }
        finally
        {
            _busy = false;
        }
    }

    private void DismissOverBudget() => _overBudget = null;

    private void OnRefreshFailed(Exception ex)
    {
        UiLog.LiveRefreshFailed(Logger, ex, "a job");
        _ = InvokeAsync(() =>
        {
            _liveTrouble = true;
            StateHasChanged();
        });
    }
}
