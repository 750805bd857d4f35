using System.Globalization;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;
using Studio.App.Components.Shared;
using Studio.App.Features.Analytics;
using Studio.Core.Accounts;
using Studio.Core.Analytics;

namespace Studio.App.Components.Pages;

/// <summary>
/// Videos made, success rate, time to finish and spend by provider and by template, per week or per month, as cards,
/// charts and tables, with a CSV download of the same figures. Users see their own jobs; admins may switch to everyone's.
/// </summary>
public sealed partial class Analytics : IDisposable
{
    private readonly CancellationTokenSource _cts = new();
    private AnalyticsPeriod _period = AnalyticsPeriod.Month;
    private AnalyticsReport? _report;
    private string? _loadError;
    private string? _userId;
    private bool _isAdmin;
    private bool _everyone;

    [CascadingParameter]
    private Task<AuthenticationState>? AuthenticationState { get; set; }

    [Inject]
    private AnalyticsQueries Queries { get; set; } = default!;

    [Inject]
    private ILogger<Analytics> Logger { get; set; } = default!;

    private string ExportUrl => AnalyticsApi.ExportUrl(_period, _everyone);

    private IReadOnlyList<string> Labels => _report is null ? []
        : [.. _report.Periods.Select(p => _period == AnalyticsPeriod.Week
            ? p.Start.ToString("d MMM", CultureInfo.CurrentCulture)
            : p.Start.ToString("MMM yy", CultureInfo.CurrentCulture))];

    private IReadOnlyList<(string Name, double[] Values)> VideoSeries => _report is null ? []
        : [(L["Videos made"].Value, [.. _report.Periods.Select(p => (double)p.VideosMade)]), (L["Failed"].Value, [.. _report.Periods.Select(p => (double)p.Failed)])];

    private IReadOnlyList<(string Name, double[] Values)> SpendSeries => _report is null ? []
        : [.. _report.Periods.SelectMany(p => p.ByProvider.Select(t => t.Name)).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal)
            .Select(name => (name, _report.Periods.Select(p => (double)(p.ByProvider.FirstOrDefault(t => t.Name == name)?.AmountUsd ?? 0m)).ToArray()))];

    /// <inheritdoc />
    public void Dispose()
    {
        _cts.Cancel();
        _cts.Dispose();
    }

    protected override async Task OnInitializedAsync()
    {
        var user = AuthenticationState is null ? null : (await AuthenticationState).User;
        _isAdmin = user?.IsInRole(StudioRoles.Admin) == true;
        _userId = await AuthenticationState.RequireUserIdAsync();
        await LoadAsync();
    }

    private async Task PeriodChangedAsync(AnalyticsPeriod period)
    {
        _period = period;
        await LoadAsync();
    }

    private async Task EveryoneChangedAsync(bool everyone)
    {
        _everyone = everyone && _isAdmin;
        await LoadAsync();
    }

    private async Task LoadAsync()
    {
        _loadError = null;
        _report = null;
        try
        {
            _report = await Queries.ReportAsync(_everyone ? null : _userId, _period, AnalyticsQueries.DefaultPeriods, _cts.Token);
        }
        catch (OperationCanceledException) when (_cts.IsCancellationRequested)
        {
        }
#pragma warning disable CA1031 // Any failure to read becomes the page's error state with a retry.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            UiLog.LoadFailed(Logger, ex, "the analytics");
            _loadError = ex.Message;
        }
    }
}
