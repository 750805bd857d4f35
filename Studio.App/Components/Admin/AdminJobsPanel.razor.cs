using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;
using MudBlazor;
using Studio.App.Components.Shared;
using Studio.Core.Admin;
using Studio.Core.Jobs;

namespace Studio.App.Components.Admin;

/// <summary>
/// Every user's jobs in a server-paged grid, sorted by the database on the clicked column (title, owner, status, cost,
/// created): filters by status, owner and title; bulk cancel, retry and delete after a confirmation, with a summary of
/// what was done and what could not be; each row opens its segments for prompt edits.
/// </summary>
public sealed partial class AdminJobsPanel : IDisposable
{
    private static readonly int[] PageSizes = [10, 25, 50];
    private readonly CancellationTokenSource _disposed = new();
    private MudDataGrid<AdminJobRow>? _grid;
    private HashSet<AdminJobRow> _selected = [];
    private JobStatus? _status;
    private string? _owner;
    private string? _title;
    private string? _loadError;
    private BulkJobResult? _summary;
    private bool _working;

    [Inject]
    private AdminJobs Admin { get; set; } = null!;

    [Inject]
    private IDialogService Dialogs { get; set; } = null!;

    [CascadingParameter]
    private Task<AuthenticationState>? AuthenticationState { get; set; }

    private bool CanAct => RendererInfo.IsInteractive && _selected.Count > 0 && !_working;

    private bool Filtered => _status is not null || !string.IsNullOrWhiteSpace(_owner) || !string.IsNullOrWhiteSpace(_title);

    /// <inheritdoc />
    public void Dispose()
    {
        _disposed.Cancel();
        _disposed.Dispose();
    }

    private async Task<GridData<AdminJobRow>> LoadAsync(GridState<AdminJobRow> state, CancellationToken ct)
    {
        try
        {
            using var linked = CancellationTokenSource.CreateLinkedTokenSource(ct, _disposed.Token);
            var sort = state.SortDefinitions.FirstOrDefault();
            var query = new AdminJobQuery(_status, _owner, _title, SortOf(sort?.SortBy), sort?.Descending ?? true);
            var (items, total) = await Admin.PageAsync(query, state.Page + 1, state.PageSize, linked.Token);
            _loadError = null;
            return new GridData<AdminJobRow> { Items = items, TotalItems = total };
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            _loadError = ex.Message;
            return new GridData<AdminJobRow> { Items = [], TotalItems = 0 };
        }
    }

    // The grid names a sorted column by its property ("Title", "OwnerEmail", ...); the order itself is SQL's.
    private static AdminJobSort SortOf(string? column) => column switch
    {
        nameof(AdminJobRow.Title) => AdminJobSort.Title,
        nameof(AdminJobRow.OwnerEmail) => AdminJobSort.Owner,
        nameof(AdminJobRow.Status) => AdminJobSort.Status,
        nameof(AdminJobRow.SpentUsd) => AdminJobSort.Cost,
        _ => AdminJobSort.Created,
    };

    private async Task ReloadAsync()
    {
        _selected = [];
        if (_grid is not null)
        {
            await _grid.ReloadServerData();
        }
    }

    private async Task OnStatusChangedAsync(JobStatus? status)
    {
        _status = status;
        await ReloadAsync();
    }

    // With a debounce, the field reports its value once typing pauses; the value is set before the grid reads it again.
    private async Task OnOwnerChangedAsync(string? owner)
    {
        _owner = owner;
        await ReloadAsync();
    }

    private async Task OnTitleChangedAsync(string? title)
    {
        _title = title;
        await ReloadAsync();
    }

    private void OnSelectionChanged(HashSet<AdminJobRow> selected) => _selected = selected;

    private async Task BulkAsync(BulkJobAction action)
    {
        var count = _selected.Count;
        var (title, message, yes) = action switch
        {
            BulkJobAction.Cancel => (L["Cancel {0} jobs?", count], L["Generations still running are stopped; clips already made are kept. The owners see their jobs as cancelled."], L["Cancel jobs"]),
            BulkJobAction.Retry => (L["Retry {0} jobs?", count], L["The failed and cancelled segments are made again, and billed again where the provider charges."], L["Retry"]),
            _ => (L["Delete {0} jobs?", count], L["The jobs, their clips and videos are deleted for good. Money spent stays on the ledger."], L["Delete"]),
        };
        var confirmed = await Dialogs.ShowMessageBoxAsync(title, message, yesText: yes, cancelText: L["Back"]);
        if (confirmed != true)
        {
            return;
        }

        _working = true;
        try
        {
            var adminId = await AuthenticationState.RequireUserIdAsync();
            _summary = await Admin.BulkAsync(adminId, action, [.. _selected.Select(j => j.Id)], _disposed.Token);
        }
        finally
        {
            _working = false;
        }

        await ReloadAsync();
    }

    private string SummaryText(BulkJobResult result)
    {
        var done = result.Action switch
        {
            BulkJobAction.Cancel => L["{0} cancelled", result.Done],
            BulkJobAction.Retry => L["{0} retried", result.Done],
            _ => L["{0} deleted", result.Done],
        };
        return result.Refused.Count == 0 ? done : L["{0}, {1} could not be:", done, result.Refused.Count];
    }
}
