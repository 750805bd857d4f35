using System.Diagnostics.CodeAnalysis;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Studio.Core.Jobs;
using Studio.Core.Persistence;

namespace Studio.Core.Orchestration;

/// <summary>
/// Hands jobs to workers through the database. A claim is a conditional update (the job's version must be the
/// one read), so two workers can never both take the same job; a job whose lease ran out is taken over.
/// </summary>
[SuppressMessage("Naming", "CA1711:Identifiers should not have incorrect suffix", Justification = "It is the work queue of ARCHITECTURE.md; it is no collection.")]
public sealed class JobQueue(IDbContextFactory<StudioDbContext> dbFactory, TimeProvider time, IOptions<WorkerOptions> options)
{
    private const int CandidatesPerClaim = 8;

    /// <summary>Claims the oldest queued (or abandoned) job not in <paramref name="exclude"/>; null when there is none.</summary>
    public async Task<Guid?> TryClaimAsync(string worker, IReadOnlyCollection<Guid> exclude, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(exclude);
        await using var db = await dbFactory.CreateDbContextAsync(ct).ConfigureAwait(false);
        var now = time.GetUtcNow();
        var candidates = await db.Jobs.AsNoTracking()
            .Where(j => j.Status == JobStatus.Queued
                || ((j.Status == JobStatus.Running || j.Status == JobStatus.Assembling) && j.LeaseUntil < now))
            .OrderBy(j => j.CreatedAt)
            .Take(CandidatesPerClaim + exclude.Count)
            .ToListAsync(ct).ConfigureAwait(false);

        foreach (var job in candidates.Where(j => !exclude.Contains(j.Id)))
        {
            // The entity decides the claimed state; the update applies it only if nobody changed the job since it was
            // read (version) and its lease is still free now: a renewal in between keeps the job with its holder.
            var read = job.Version;
            job.Claim(worker, now, options.Value.Lease);
            var rows = await db.Jobs
                .Where(j => j.Id == job.Id && j.Version == read && (j.Status == JobStatus.Queued || j.LeaseUntil < now))
                .ExecuteUpdateAsync(
                    s => s.SetProperty(j => j.Status, job.Status)
                        .SetProperty(j => j.LeaseOwner, job.LeaseOwner)
                        .SetProperty(j => j.LeaseUntil, job.LeaseUntil)
                        .SetProperty(j => j.StartedAt, job.StartedAt)
                        .SetProperty(j => j.Version, job.Version),
                    ct).ConfigureAwait(false);
            if (rows == 1)
            {
                return job.Id;
            }
        }

        return null;
    }

    /// <summary>Extends the worker's lease; false when the worker no longer holds the job.</summary>
    public async Task<bool> RenewAsync(Guid jobId, string worker, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct).ConfigureAwait(false);
        var until = time.GetUtcNow() + options.Value.Lease;
        var rows = await db.Jobs
            .Where(j => j.Id == jobId && j.LeaseOwner == worker && (j.Status == JobStatus.Running || j.Status == JobStatus.Assembling))
            .ExecuteUpdateAsync(s => s.SetProperty(j => j.LeaseUntil, until), ct).ConfigureAwait(false);
        return rows == 1;
    }

    /// <summary>Gives a job back (on shutdown) so that the next worker takes it over at once.</summary>
    public async Task ReleaseAsync(Guid jobId, string worker, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct).ConfigureAwait(false);
        var now = time.GetUtcNow();
        await db.Jobs
            .Where(j => j.Id == jobId && j.LeaseOwner == worker)
            .ExecuteUpdateAsync(s => s.SetProperty(j => j.LeaseUntil, now), ct).ConfigureAwait(false);
    }
}
