using Microsoft.EntityFrameworkCore;
using Studio.Core.Jobs;
using Studio.Core.Persistence;

namespace Studio.Core.Costs;

/// <summary>Monthly spending from the ledger: totals per provider and per user, and a projection.</summary>
public sealed class CostReports(IDbContextFactory<StudioDbContext> dbFactory)
{
    /// <summary>Videos the projection speaks of.</summary>
    public const int ProjectedVideos = 100;

    /// <summary>
    /// The spending of <paramref name="year"/>-<paramref name="month"/> (UTC) of one user, or of everyone when
    /// <paramref name="ownerId"/> is null. The projection goes by <paramref name="likeJobId"/>'s estimate when given
    /// (and the job is the user's), else by the month's average finished video.
    /// </summary>
    public async Task<CostReport> MonthAsync(string? ownerId, int year, int month, Guid? likeJobId, CancellationToken ct)
    {
        var from = new DateTimeOffset(year, month, 1, 0, 0, 0, TimeSpan.Zero);
        var to = from.AddMonths(1);
        await using var db = await dbFactory.CreateDbContextAsync(ct).ConfigureAwait(false);
        var entries = db.Costs.AsNoTracking().Where(c => c.At >= from && c.At < to);
        if (ownerId is not null)
        {
            entries = entries.Where(c => c.OwnerId == ownerId);
        }

        var rows = await entries.Select(c => new { c.OwnerId, c.JobId, c.Provider, c.Kind, c.AmountUsd }).ToListAsync(ct).ConfigureAwait(false);
        var providers = rows.GroupBy(r => r.Provider, StringComparer.OrdinalIgnoreCase)
            .Select(g => new ProviderSpend(g.Key, g.Sum(r => r.AmountUsd), g.Count(r => r.Kind != CostKind.Refund), g.Count(r => r.Kind == CostKind.Refund)))
            .OrderByDescending(p => p.AmountUsd).ThenBy(p => p.Provider, StringComparer.Ordinal)
            .ToList();
        var owners = rows.Select(r => r.OwnerId).Distinct().ToList();
        var emails = await db.Users.AsNoTracking().Where(u => owners.Contains(u.Id)).ToDictionaryAsync(u => u.Id, u => u.Email, ct).ConfigureAwait(false);
        var users = rows.GroupBy(r => r.OwnerId, StringComparer.Ordinal)
            .Select(g => new UserSpend(g.Key, emails.GetValueOrDefault(g.Key), g.Sum(r => r.AmountUsd), g.Select(r => r.JobId).Distinct().Count()))
            .OrderByDescending(u => u.AmountUsd).ThenBy(u => u.UserId, StringComparer.Ordinal)
            .ToList();

        return new CostReport(year, month, rows.Sum(r => r.AmountUsd), providers, users, await ProjectAsync(db, ownerId, likeJobId, from, to, ct).ConfigureAwait(false));
    }

    private static async Task<CostProjection?> ProjectAsync(StudioDbContext db, string? ownerId, Guid? likeJobId, DateTimeOffset from, DateTimeOffset to, CancellationToken ct)
    {
        if (likeJobId is { } jobId)
        {
            var job = await db.Jobs.AsNoTracking()
                .Where(j => j.Id == jobId && (ownerId == null || j.OwnerId == ownerId))
                .Select(j => new { j.Title, j.EstimatedCostUsd })
                .FirstOrDefaultAsync(ct).ConfigureAwait(false);
            return job is null ? null : Project(job.EstimatedCostUsd, $"the estimate of “{job.Title}”");
        }

        var finished = db.Jobs.AsNoTracking().Where(j => j.Status == JobStatus.Completed && j.FinishedAt >= from && j.FinishedAt < to);
        if (ownerId is not null)
        {
            finished = finished.Where(j => j.OwnerId == ownerId);
        }

        var costs = await finished.Select(j => j.ActualCostUsd).ToListAsync(ct).ConfigureAwait(false);
        return costs.Count == 0 ? null : Project(decimal.Round(costs.Average(), 4), $"the average of {costs.Count} finished videos this month");
    }

    private static CostProjection Project(decimal perVideo, string basis) =>
        new(ProjectedVideos, perVideo, decimal.Round(perVideo * ProjectedVideos, 2), basis);
}
