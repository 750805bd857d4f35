using Microsoft.AspNetCore.Components;
using MudBlazor;
using Studio.App.Components.Shared;
using Studio.Core.Audit;

namespace Studio.App.Components.Admin;

/// <summary>
/// The audit trail, newest first, server-paged: narrowed by who (e-mail), action, a range of days and free text, every
/// filter applied by the database; an empty result says whether nothing matches or nothing was logged yet.
/// </summary>
public sealed partial class AuditPanel : IDisposable
{
    private readonly CancellationTokenSource _disposed = new();
    private MudDataGrid<AuditRecord>? _grid;
    private IReadOnlyList<string> _actions = [];
    private string? _actor;
    private string? _action;
    private DateRange? _range;
    private string? _text;
    private string? _error;

    [Inject]
    private AuditLog Log { get; set; } = null!;

    [Inject]
    private ILogger<AuditPanel> Logger { get; set; } = null!;

    private bool Filtered => Query().IsFiltered;

    /// <inheritdoc />
    public void Dispose()
    {
        _disposed.Cancel();
        _disposed.Dispose();
    }

    protected override async Task OnInitializedAsync()
    {
        try
        {
            _actions = await Log.ActionsAsync(_disposed.Token);
        }
        catch (OperationCanceledException) when (_disposed.IsCancellationRequested)
        {
        }
#pragma warning disable CA1031 // Without the list of actions the log is still readable; the grid shows its own error.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            UiLog.LoadFailed(Logger, ex, "the audit actions");
        }
    }

    /// <summary>The filters as the database reads them: the chosen days are whole days of the server's time zone.</summary>
    private AuditQuery Query()
    {
        DateTimeOffset? from = _range?.Start is { } start ? LocalMidnight(start) : null;
        DateTimeOffset? to = _range?.End is { } end ? LocalMidnight(end.AddDays(1)) : null;
        return new AuditQuery(Actor: _actor, Action: _action, From: from, To: to, Text: _text);
    }

    private static DateTimeOffset LocalMidnight(DateTime day)
    {
        var midnight = DateTime.SpecifyKind(day.Date, DateTimeKind.Unspecified);
        return new DateTimeOffset(midnight, TimeZoneInfo.Local.GetUtcOffset(midnight));
    }

    private async Task<GridData<AuditRecord>> LoadAsync(GridState<AuditRecord> state, CancellationToken ct)
    {
        try
        {
            using var linked = CancellationTokenSource.CreateLinkedTokenSource(ct, _disposed.Token);
            var (items, total) = await Log.PageAsync(Query(), state.Page + 1, state.PageSize, linked.Token);
            _error = null;
            return new GridData<AuditRecord> { Items = items, TotalItems = total };
        }
        catch (OperationCanceledException)
        {
            // A newer read (or the panel's end) took over; the grid ignores this one.
            return new GridData<AuditRecord> { Items = [], TotalItems = 0 };
        }
#pragma warning disable CA1031 // A failed read becomes the panel's error state with a retry.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            UiLog.LoadFailed(Logger, ex, "the audit log");
            _error = ex.Message;
            _ = InvokeAsync(StateHasChanged);
            return new GridData<AuditRecord> { Items = [], TotalItems = 0 };
        }
    }

    private async Task ReloadAsync()
    {
        if (_grid is not null)
        {
            await _grid.ReloadServerData();
        }
    }

    // With a debounce, a field reports its value once typing pauses; the value is set before the grid reads it again.
    private async Task OnActorChangedAsync(string? actor)
    {
        _actor = actor;
        await ReloadAsync();
    }

    private async Task OnTextChangedAsync(string? text)
    {
        _text = text;
        await ReloadAsync();
    }

    private async Task OnActionChangedAsync(string? action)
    {
        _action = action;
        await ReloadAsync();
    }

    private async Task OnRangeChangedAsync(DateRange? range)
    {
        _range = range;
        await ReloadAsync();
    }

    private async Task ClearFiltersAsync()
    {
        _actor = _action = _text = null;
        _range = null;
        await ReloadAsync();
    }
}
