using System.Linq.Expressions;
using Microsoft.EntityFrameworkCore;
using Studio.Core.Jobs;
using Studio.Core.Orchestration;
using Studio.Core.Persistence;
using Studio.Core.Segments;

namespace Studio.Core.Analytics;

/// <summary>
/// The dashboard's reads: a page of the user's jobs (sorted, filtered, counted by the database) and the stat cards and
/// charts. Everything is computed in SQL over indexes; no method loads all of a user's jobs.
/// </summary>
public sealed class DashboardQueries(IDbContextFactory<StudioDbContext> dbFactory, IAnalyticsSql sql, TimeProvider time)
{
    /// <summary>Days shown by the jobs-per-day chart.</summary>
    public const int ChartDays = 30;

    private static readonly Expression<Func<ProductionJob, JobListRow>> Row = j => new JobListRow(
        new JobSummary(
            j.Id, j.Title, j.TemplateName, j.Provider, j.Status,
            j.Status == JobStatus.Completed ? 1
                : j.Status == JobStatus.Assembling ? j.Progress
                : j.Segments.Count == 0 ? 0
                : JobProgress.GenerationShare * j.Segments.Sum(s => s.Status == SegmentStatus.Succeeded ? 1 : s.Progress) / j.Segments.Count,
            j.EstimatedCostUsd,
            j.Status == JobStatus.Completed || j.Status == JobStatus.Failed || j.Status == JobStatus.Cancelled
                ? j.ActualCostUsd
                : j.Segments.Sum(s => s.CostUsd) + j.ScriptCostUsd + j.VoiceCostUsd,
            j.Segments.Count, j.CreatedAt, j.FinishedAt),
        j.Status == JobStatus.Completed && j.PosterFile != null);

    /// <summary>One page of the user's jobs as <paramref name="query"/> asks, and how many match in all.</summary>
    public async Task<JobListPage> PageAsync(string ownerId, JobListQuery query, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(query);
        ArgumentOutOfRangeException.ThrowIfLessThan(query.Page, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(query.PageSize, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(query.PageSize, JobListQuery.MaxPageSize);
        await using var db = await dbFactory.CreateDbContextAsync(ct).ConfigureAwait(false);
        var mine = db.Jobs.AsNoTracking().Where(j => j.OwnerId == ownerId);
        if (query.Status is { } status)
        {
            mine = mine.Where(j => j.Status == status);
        }

        if (!string.IsNullOrWhiteSpace(query.Search))
        {
            var pattern = "%" + EscapeLike(query.Search.Trim()) + "%";
            mine = mine.Where(j => EF.Functions.Like(j.Title, pattern, "\\"));
        }

        var total = await mine.CountAsync(ct).ConfigureAwait(false);
        var rows = await Order(mine, query.Sort, query.Descending)
            .Skip((query.Page - 1) * query.PageSize).Take(query.PageSize)
            .Select(Row)
            .ToListAsync(ct).ConfigureAwait(false);
        return new JobListPage(rows, total);
    }

    /// <summary>The user's stat cards and chart data, as of now.</summary>
    public async Task<DashboardStats> StatsAsync(string ownerId, CancellationToken ct)
    {
        var now = time.GetUtcNow();
        var monthStart = new DateTimeOffset(now.Year, now.Month, 1, 0, 0, 0, TimeSpan.Zero);
        var today = DateOnly.FromDateTime(now.UtcDateTime);
        var firstDay = today.AddDays(1 - ChartDays);
        var chartFrom = new DateTimeOffset(firstDay.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);

        await using var db = await dbFactory.CreateDbContextAsync(ct).ConfigureAwait(false);
        var mine = db.Jobs.AsNoTracking().Where(j => j.OwnerId == ownerId);
        var total = await mine.CountAsync(ct).ConfigureAwait(false);
        if (total == 0)
        {
            return new DashboardStats(0, 0, null, 0m, null, [.. Enumerable.Range(0, ChartDays).Select(i => new DayCount(firstDay.AddDays(i), 0))], []);
        }

        var thisMonth = await mine.CountAsync(j => j.CreatedAt >= monthStart, ct).ConfigureAwait(false);
        var finished = await FinishedAsync(db, ownerId, StoredTime.Store(monthStart), ct).ConfigureAwait(false);

        var perDay = (await db.Database.SqlQueryRaw<DayRow>(sql.JobsPerDay, ownerId, StoredTime.Store(chartFrom))
            .ToListAsync(ct).ConfigureAwait(false))
            .ToDictionary(r => StoredTime.Day(r.Day), r => r.Jobs);

        var ledger = db.Costs.AsNoTracking().Where(c => c.OwnerId == ownerId && c.At >= monthStart);
        var providers = await ledger.GroupBy(c => c.Provider)
            .Select(g => new { Name = g.Key, Amount = g.Sum(c => c.AmountUsd), Jobs = g.Select(c => c.JobId).Distinct().Count() })
            .ToListAsync(ct).ConfigureAwait(false);

        return new DashboardStats(
            total,
            thisMonth,
            finished.Completed + finished.Failed == 0 ? null : (double)finished.Completed / (finished.Completed + finished.Failed),
            providers.Sum(p => p.Amount),
            finished.AverageSeconds is { } seconds ? TimeSpan.FromSeconds(seconds) : null,
            [.. Enumerable.Range(0, ChartDays).Select(i => firstDay.AddDays(i)).Select(d => new DayCount(d, perDay.GetValueOrDefault(d)))],
            [.. providers.Select(p => new SpendTotal(p.Name, p.Amount, p.Jobs)).OrderByDescending(p => p.AmountUsd).ThenBy(p => p.Name, StringComparer.Ordinal)]);
    }

    private async Task<FinishedRow> FinishedAsync(StudioDbContext db, string ownerId, long from, CancellationToken ct)
    {
        var rows = await db.Database.SqlQueryRaw<FinishedRow>(sql.Finished, ownerId, from)
            .ToListAsync(ct).ConfigureAwait(false);
        return rows[0];
    }

    private static IQueryable<ProductionJob> Order(IQueryable<ProductionJob> jobs, JobSort sort, bool descending) => sort switch
    {
        // Money is stored as TEXT, which SQLite cannot order numerically: ordered by its REAL value instead.
        JobSort.Cost => descending
            ? jobs.OrderByDescending(j => (double)(j.Status == JobStatus.Completed || j.Status == JobStatus.Failed || j.Status == JobStatus.Cancelled ? j.ActualCostUsd : j.EstimatedCostUsd)).ThenByDescending(j => j.CreatedAt)
            : jobs.OrderBy(j => (double)(j.Status == JobStatus.Completed || j.Status == JobStatus.Failed || j.Status == JobStatus.Cancelled ? j.ActualCostUsd : j.EstimatedCostUsd)).ThenByDescending(j => j.CreatedAt),
        JobSort.Title => descending
            ? jobs.OrderByDescending(j => j.Title).ThenByDescending(j => j.CreatedAt)
            : jobs.OrderBy(j => j.Title).ThenByDescending(j => j.CreatedAt),

        // Statuses are stored by name: ordered by their place in a job's life, not alphabetically.
        JobSort.Status => descending
            ? jobs.OrderByDescending(StatusRank).ThenByDescending(j => j.CreatedAt)
            : jobs.OrderBy(StatusRank).ThenByDescending(j => j.CreatedAt),
        _ => descending
            ? jobs.OrderByDescending(j => j.CreatedAt).ThenByDescending(j => j.Id)
            : jobs.OrderBy(j => j.CreatedAt).ThenBy(j => j.Id),
    };

    private static readonly Expression<Func<ProductionJob, int>> StatusRank = j =>
        j.Status == JobStatus.Draft ? 0
        : j.Status == JobStatus.Queued ? 1
        : j.Status == JobStatus.Running ? 2
        : j.Status == JobStatus.Assembling ? 3
        : j.Status == JobStatus.Completed ? 4
        : j.Status == JobStatus.Failed ? 5
        : 6;

    private static string EscapeLike(string text) =>
        text.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("%", "\\%", StringComparison.Ordinal).Replace("_", "\\_", StringComparison.Ordinal);

    // Shapes of the raw SQL rows (EF Core fills them by column name).
    private sealed class DayRow
    {
        public string Day { get; set; } = string.Empty;

        public int Jobs { get; set; }
    }

    private sealed class FinishedRow
    {
        public int Completed { get; set; }

        public int Failed { get; set; }

        public double? AverageSeconds { get; set; }
    }
}
