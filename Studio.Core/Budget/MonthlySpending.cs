using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Studio.Core.Jobs;
using Studio.Core.Persistence;

namespace Studio.Core.Budget;

/// <summary>What a user has spent this month and what their jobs in progress still expect to spend, read from one context.</summary>
internal static class MonthlySpending
{
    private static readonly JobStatus[] InProgress = [JobStatus.Queued, JobStatus.Running, JobStatus.Assembling];

    /// <summary>The first instant of <paramref name="now"/>'s calendar month (UTC), and its name.</summary>
    public static (DateTimeOffset From, DateTimeOffset To, string Name) MonthOf(DateTimeOffset now)
    {
        var from = new DateTimeOffset(now.UtcDateTime.Year, now.UtcDateTime.Month, 1, 0, 0, 0, TimeSpan.Zero);
        return (from, from.AddMonths(1), from.ToString("yyyy-MM", CultureInfo.InvariantCulture));
    }

    /// <summary>The user's own budget when an admin set one, else the default; null when unlimited.</summary>
    public static async Task<decimal?> BudgetOfAsync(StudioDbContext db, string userId, decimal? fallback, CancellationToken ct)
    {
        var own = await db.Budgets.AsNoTracking().Where(b => b.UserId == userId).Select(b => (decimal?)b.MonthlyUsd)
            .FirstOrDefaultAsync(ct).ConfigureAwait(false);
        return own ?? fallback;
    }

    /// <summary>The ledger's sum for the user in the month (refunds are negative).</summary>
    public static async Task<decimal> SpentAsync(StudioDbContext db, string userId, DateTimeOffset from, DateTimeOffset to, CancellationToken ct)
    {
        // SQLite cannot sum decimals exactly: the amounts are added here.
        var amounts = await db.Costs.AsNoTracking().Where(c => c.OwnerId == userId && c.At >= from && c.At < to)
            .Select(c => c.AmountUsd).ToListAsync(ct).ConfigureAwait(false);
        return amounts.Sum();
    }

    /// <summary>What the user's queued, running and assembling jobs are still expected to spend: each one's estimate less what it has spent.</summary>
    public static async Task<decimal> ReservedAsync(StudioDbContext db, string userId, CancellationToken ct)
    {
        var jobs = await db.Jobs.AsNoTracking().Where(j => j.OwnerId == userId && InProgress.Contains(j.Status))
            .Select(j => new { j.Id, j.EstimatedCostUsd }).ToListAsync(ct).ConfigureAwait(false);
        if (jobs.Count == 0)
        {
            return 0m;
        }

        var ids = jobs.Select(j => j.Id).ToList();
        var spent = (await db.Costs.AsNoTracking().Where(c => ids.Contains(c.JobId)).Select(c => new { c.JobId, c.AmountUsd })
                .ToListAsync(ct).ConfigureAwait(false))
            .GroupBy(c => c.JobId).ToDictionary(g => g.Key, g => g.Sum(c => c.AmountUsd));
        return jobs.Sum(j => Math.Max(0m, j.EstimatedCostUsd - spent.GetValueOrDefault(j.Id)));
    }

    /// <summary>What the ledger holds for one job, whenever it was spent (refunds subtracted).</summary>
    public static async Task<decimal> JobSpentAsync(StudioDbContext db, Guid jobId, CancellationToken ct)
    {
        var amounts = await db.Costs.AsNoTracking().Where(c => c.JobId == jobId).Select(c => c.AmountUsd).ToListAsync(ct).ConfigureAwait(false);
        return amounts.Sum();
    }

    /// <summary>What a job is still expected to spend: its estimate less what the ledger already holds for it (its storyboard).</summary>
    public static async Task<decimal> StillToSpendAsync(StudioDbContext db, ProductionJob job, CancellationToken ct) =>
        Math.Max(0m, job.EstimatedCostUsd - await JobSpentAsync(db, job.Id, ct).ConfigureAwait(false));
}
