using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Studio.Core.Persistence;

namespace Studio.Core.Analytics;

/// <summary>
/// Analytics per week or month (UTC): videos made, success rate, time to finish (from the jobs), spend by provider and
/// by template (from the cost ledger). Grouped by the database (SQL per engine: <see cref="IAnalyticsSql"/>) over indexes; the rows read are one per period × name.
/// </summary>
public sealed class AnalyticsQueries(IDbContextFactory<StudioDbContext> dbFactory, IAnalyticsSql sql, TimeProvider time)
{
    /// <summary>Periods reported by default: twelve weeks or twelve months.</summary>
    public const int DefaultPeriods = 12;

    /// <summary>The name given to ledger lines whose job was deleted since.</summary>
    public const string DeletedJob = "(deleted video)";

    /// <summary>
    /// The last <paramref name="count"/> periods up to now, of one user, or of everyone when <paramref name="ownerId"/> is null.
    /// </summary>
    public async Task<AnalyticsReport> ReportAsync(string? ownerId, AnalyticsPeriod period, int count, CancellationToken ct)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(count, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(count, 120);
        var unit = period == AnalyticsPeriod.Week ? "week" : "month";
        var starts = Starts(DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime), period, count);
        var from = StoredTime.Store(new DateTimeOffset(starts[0].ToDateTime(TimeOnly.MinValue), TimeSpan.Zero));
        object[] args = ownerId is null ? [from] : [from, ownerId];

        await using var db = await dbFactory.CreateDbContextAsync(ct).ConfigureAwait(false);
        var oneOwner = ownerId is not null;
        var jobs = await db.Database.SqlQueryRaw<JobRow>(sql.JobsPerPeriod(unit, oneOwner), args)
            .ToListAsync(ct).ConfigureAwait(false);
        var providers = await db.Database.SqlQueryRaw<SpendRow>(sql.SpendPerProvider(unit, oneOwner), args)
            .ToListAsync(ct).ConfigureAwait(false);
        var templates = await db.Database.SqlQueryRaw<SpendRow>(sql.SpendPerTemplate(unit, oneOwner), args)
            .ToListAsync(ct).ConfigureAwait(false);

        var jobsByStart = jobs.ToDictionary(j => StoredTime.Day(j.Start));
        var providersByStart = providers.ToLookup(p => StoredTime.Day(p.Start));
        var templatesByStart = templates.ToLookup(t => StoredTime.Day(t.Start));
        var periods = starts.Select(start =>
        {
            var made = jobsByStart.GetValueOrDefault(start);
            var byProvider = Totals(providersByStart[start]);
            return new PeriodStats(
                start,
                made?.Completed ?? 0,
                made?.Failed ?? 0,
                made is null || made.Completed + made.Failed == 0 ? null : (double)made.Completed / (made.Completed + made.Failed),
                made?.AverageSeconds is { } seconds ? TimeSpan.FromSeconds(Math.Round(seconds)) : null,
                byProvider.Sum(p => p.AmountUsd),
                byProvider,
                Totals(templatesByStart[start]));
        }).ToList();
        return new AnalyticsReport(period, periods);
    }

    /// <summary>The first days of the <paramref name="count"/> periods ending with the one holding <paramref name="today"/>, oldest first.</summary>
    public static IReadOnlyList<DateOnly> Starts(DateOnly today, AnalyticsPeriod period, int count)
    {
        if (period == AnalyticsPeriod.Week)
        {
            var monday = today.AddDays(-(((int)today.DayOfWeek + 6) % 7));
            return [.. Enumerable.Range(0, count).Select(i => monday.AddDays(-7 * (count - 1 - i)))];
        }

        var first = new DateOnly(today.Year, today.Month, 1);
        return [.. Enumerable.Range(0, count).Select(i => first.AddMonths(-(count - 1 - i)))];
    }

    /// <summary>"2026-W48" or "2026-11": a period's short name (ISO week number for weeks).</summary>
    public static string Label(DateOnly start, AnalyticsPeriod period) => period == AnalyticsPeriod.Week
        ? string.Create(CultureInfo.InvariantCulture, $"{ISOWeek.GetYear(start.ToDateTime(TimeOnly.MinValue))}-W{ISOWeek.GetWeekOfYear(start.ToDateTime(TimeOnly.MinValue)):00}")
        : start.ToString("yyyy-MM", CultureInfo.InvariantCulture);

    private static List<SpendTotal> Totals(IEnumerable<SpendRow> rows) =>
        [.. rows.Select(r => new SpendTotal(r.Name, Math.Round((decimal)r.Amount, 4), r.Jobs))
            .OrderByDescending(t => t.AmountUsd).ThenBy(t => t.Name, StringComparer.Ordinal)];

    // Shapes of the raw SQL rows (EF Core fills them by column name).
    private sealed class JobRow
    {
        public string Start { get; set; } = string.Empty;

        public int Completed { get; set; }

        public int Failed { get; set; }

        public double? AverageSeconds { get; set; }
    }

    private sealed class SpendRow
    {
        public string Start { get; set; } = string.Empty;

        public string Name { get; set; } = string.Empty;

        public double Amount { get; set; }

        public int Jobs { get; set; }
    }
}
