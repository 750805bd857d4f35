using Microsoft.EntityFrameworkCore;
using Studio.Core.Persistence;
using Studio.Core.Segments;

namespace Studio.Core.Providers;

/// <summary>How long providers have recently taken to make a clip, from the segments they finished.</summary>
public sealed class GenerationTimes(IDbContextFactory<StudioDbContext> dbFactory)
{
    /// <summary>Finished segments looked at.</summary>
    public const int Sample = 500;

    /// <summary>Mean seconds from a segment's first submission to its stored clip, per provider, over the last <see cref="Sample"/> finished segments.</summary>
    public async Task<IReadOnlyDictionary<string, double>> AverageSecondsAsync(CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct).ConfigureAwait(false);
        var rows = await db.Segments.AsNoTracking()
            .Where(s => s.Status == SegmentStatus.Succeeded && s.StartedAt != null && s.FinishedAt != null)
            .OrderByDescending(s => s.FinishedAt)
            .Take(Sample)
            .Select(s => new { s.Provider, s.StartedAt, s.FinishedAt })
            .ToListAsync(ct).ConfigureAwait(false);
        return rows.GroupBy(r => r.Provider, StringComparer.OrdinalIgnoreCase)
            .ToDictionary(g => g.Key, g => g.Average(r => (r.FinishedAt!.Value - r.StartedAt!.Value).TotalSeconds), StringComparer.OrdinalIgnoreCase);
    }
}
