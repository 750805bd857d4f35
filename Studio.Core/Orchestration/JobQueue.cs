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
        var candidates = await db.Jobs
            .Where(j => j.Status == JobStatus.Queued
                || ((j.Status == JobStatus.Running || j.Status == JobStatus.Assembling) && j.LeaseUntil < now))
            .OrderBy(j => j.CreatedAt)
            .Take(CandidatesPerClaim + exclude.Count)
            .ToListAsync(ct).ConfigureAwait(false);

        foreach (var job in candidates.Where(j => !exclude.Contains(j.Id)))
        {
            job.Claim(worker, now, options.Value.Lease);
            try
            {
                await db.SaveChangesAsync(ct).ConfigureAwait(false);
                return job.Id;
            }
            catch (DbUpdateConcurrencyException)
            {
                // Another worker took it first.
                db.Entry(job).State = EntityState.Detached;
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
