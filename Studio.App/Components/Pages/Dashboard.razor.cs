using System.Globalization;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;
using MudBlazor;
using Studio.App.Components.Shared;
using Studio.Core.Analytics;
using Studio.Core.Events;
using Studio.Core.Jobs;

namespace Studio.App.Components.Pages;

/// <summary>
/// The signed-in user's videos: stat cards, two charts and a server-paged, sortable, filterable grid. Every figure and
/// every page of the grid is computed by the database (<see cref="DashboardQueries"/>), so the page opens as fast with
/// 100,000 jobs as with ten. Listens to the user's job events through a <see cref="LiveFeed"/>, which re-reads the
/// current page and the figures at most ten times a second: a running job's progress moves without a reload.
/// </summary>
public sealed partial class Dashboard : IAsyncDisposable
{
    private readonly CancellationTokenSource _cts = new();
    private MudDataGrid<JobListRow>? _grid;
    private string? _userId;
    private string? _loadError;
    private bool _liveTrouble;
    private string? _search;
    private JobStatus? _status;
    private LiveFeed? _live;

    /// <summary>The figures; carried from the prerender to the circuit so the page does not flash back to loading.</summary>
    [PersistentState]
    public DashboardStats? Stats { get; set; }

    [CascadingParameter]
    private Task<AuthenticationState>? AuthenticationState { get; set; }

    [Inject]
    private DashboardQueries Queries { get; set; } = default!;

    [Inject]
    private IJobEvents Events { get; set; } = default!;

    [Inject]
    private TimeProvider Time { get; set; } = default!;

    [Inject]
    private ILogger<Dashboard> Logger { get; set; } = default!;

    private IReadOnlyList<string> DayLabels => Stats is null ? []
        : [.. Stats.JobsPerDay.Select((d, i) => i % 5 == 4 || i == Stats.JobsPerDay.Count - 1 ? d.Day.ToString("d MMM", CultureInfo.CurrentCulture) : string.Empty)];

    private IReadOnlyList<(string Name, double[] Values)> DaySeries => Stats is null ? []
        : [(L["Jobs"].Value, [.. Stats.JobsPerDay.Select(d => (double)d.Jobs)])];

    private IReadOnlyList<(string Label, double Value)> ProviderSlices => Stats is null ? []
        : [.. Stats.SpendPerProvider.Select(p => ($"{p.Name} · {Shared.Charts.Money.Usd(p.AmountUsd)}", (double)p.AmountUsd))];

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
        if (Stats is null)
        {
            await LoadAsync();
            return;
        }

        // Restored from the prerender: shown at once; the catch-up refresh brings it up to date.
        _userId = await AuthenticationState.RequireUserIdAsync();
        StartListening();
    }

    private string StatusName(JobStatus? status) => status switch
    {
        null => L["All statuses"],
        JobStatus.Draft => L["Draft"],
        JobStatus.Queued => L["Queued"],
        JobStatus.Running => L["Generating"],
        JobStatus.Assembling => L["Assembling"],
        JobStatus.Completed => L["Ready"],
        JobStatus.Failed => L["Failed"],
        _ => L["Cancelled"],
    };

    private string CostNote(JobListRow row) => row.CostUsd == 0 && row.Job.EstimatedCostUsd == 0
        ? L["free"]
        : row.Job.Status.IsFinished() ? L["spent"] : L["estimated"];

    private async Task RetryAsync() => await LoadAsync();

    private async Task LoadAsync()
    {
        _loadError = null;
        try
        {
            _userId ??= await AuthenticationState.RequireUserIdAsync();
            Stats = await Queries.StatsAsync(_userId, _cts.Token);
        }
        catch (OperationCanceledException) when (_cts.IsCancellationRequested)
        {
            return;
        }
#pragma warning disable CA1031 // Any failure to read becomes the page's error state with a retry.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            UiLog.LoadFailed(Logger, ex, "the dashboard");
            _loadError = ex.Message;
        }

        StartListening();
    }

    /// <summary>The grid's server side: its page, sort and the toolbar's filters become one SQL query.</summary>
    private async Task<GridData<JobListRow>> LoadPageAsync(GridState<JobListRow> state, CancellationToken gridToken)
    {
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(_cts.Token, gridToken);
        var sort = state.SortDefinitions.FirstOrDefault();
        var query = new JobListQuery(
            Page: state.Page + 1,
            PageSize: Math.Clamp(state.PageSize, 1, JobListQuery.MaxPageSize),
            Sort: SortOf(sort?.SortBy),
            Descending: sort?.Descending ?? true,
            Status: _status,
            Search: _search);
        try
        {
            _userId ??= await AuthenticationState.RequireUserIdAsync();
            var page = await Queries.PageAsync(_userId, query, linked.Token);
            return new GridData<JobListRow> { Items = page.Rows, TotalItems = page.Total };
        }
        catch (OperationCanceledException) when (linked.IsCancellationRequested)
        {
            // A newer read (or the page's end) took over; the grid ignores this one.
            return new GridData<JobListRow> { Items = [], TotalItems = 0 };
        }
#pragma warning disable CA1031 // A failed page read becomes the page's error state with a retry.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            UiLog.LoadFailed(Logger, ex, "a page of the job list");
            _loadError = ex.Message;
            _ = InvokeAsync(StateHasChanged);
            return new GridData<JobListRow> { Items = [], TotalItems = 0 };
        }
    }

    // The grid names a sorted column by its property path ("Job.Title", "CostUsd", ...).
    private static JobSort SortOf(string? column) => column switch
    {
        null => JobSort.Created,
        _ when column.EndsWith("Title", StringComparison.Ordinal) => JobSort.Title,
        _ when column.EndsWith("Status", StringComparison.Ordinal) => JobSort.Status,
        _ when column.EndsWith("CostUsd", StringComparison.Ordinal) => JobSort.Cost,
        _ => JobSort.Created,
    };

    private async Task SearchChangedAsync(string? text)
    {
        _search = text;
        await ReloadGridAsync();
    }

    private async Task StatusChangedAsync(JobStatus? status)
    {
        _status = status;
        await ReloadGridAsync();
    }

    private async Task ReloadGridAsync()
    {
        if (_grid is not null)
        {
            await _grid.ReloadServerData();
        }
    }

    // After the first read: any change to one of the user's jobs (new, started, progressing, done) marks the page
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
        var stats = await Queries.StatsAsync(_userId!, ct);
        ct.ThrowIfCancellationRequested();
        await InvokeAsync(async () =>
        {
            var hadGrid = Stats is { TotalJobs: > 0 };
            Stats = stats;
            _liveTrouble = false;
            StateHasChanged();

            // A grid that was already there re-reads its page; a new one reads it on its first render.
            if (hadGrid)
            {
                await ReloadGridAsync();
            }
        });
    }

    private void OnRefreshFailed(Exception ex)
    {
        UiLog.LiveRefreshFailed(Logger, ex, "the dashboard");
        _ = InvokeAsync(() =>
        {
            _liveTrouble = true;
            StateHasChanged();
        });
    }
}
