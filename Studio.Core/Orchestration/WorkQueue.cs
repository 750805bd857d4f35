using System.Diagnostics.CodeAnalysis;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Studio.Core.Jobs;
using Studio.Core.Persistence;
using Studio.Core.Providers;
using Studio.Core.Segments;

namespace Studio.Core.Orchestration;

/// <summary>
/// Hands work to workers through the database: segment steps (submit, poll, download) and assemblies. A claim is a
/// conditional write (the row's version must be the one read), so two workers never both take the same item; an item
/// whose lease ran out is taken over. Generations already at a provider are resumed first; new submissions are shared
/// fairly — the owner with the fewest generations in flight first, then the job with the fewest — within each
/// provider's concurrency limit. On PostgreSQL, where many processes claim at once, the rows read for a claim are locked
/// and rows another worker holds are skipped (<c>FOR UPDATE SKIP LOCKED</c>), and each provider's limit is counted under
/// that provider's lock (see <see cref="IDatabaseConcurrency"/>).
/// </summary>
[SuppressMessage("Naming", "CA1711:Identifiers should not have incorrect suffix", Justification = "It is the work queue of ARCHITECTURE.md; it is no collection.")]
public sealed class WorkQueue(
    IDbContextFactory<StudioDbContext> dbFactory,
    DatabaseWriteGate writes,
    IDatabaseConcurrency concurrency,
    TimeProvider time,
    IOptions<WorkerOptions> options,
    VideoProviderCatalog providers)
{
    private static readonly SegmentStatus[] InFlight = [SegmentStatus.Submitting, SegmentStatus.Submitted, SegmentStatus.Rendering, SegmentStatus.Downloading];

    /// <summary>Claims up to <paramref name="max"/> segment steps that are due.</summary>
    public async Task<IReadOnlyList<SegmentWork>> ClaimSegmentsAsync(string worker, int max, CancellationToken ct)
    {
        if (max <= 0)
        {
            return [];
        }

        await using var db = await dbFactory.CreateDbContextAsync(ct).ConfigureAwait(false);
        var now = time.GetUtcNow();
        var lease = options.Value.Lease;
        var due = Due(db, now);

        // The next pending segment of every job that has one, with what fairness needs to know of its job: read first,
        // without any lock (the costly part of a claim).
        var heads = await (from s in due.Where(s => s.Status == SegmentStatus.Pending)
                           join j in db.Jobs on s.JobId equals j.Id
                           group s by new { s.JobId, j.OwnerId, j.CreatedAt } into g
                           select new Head(g.Key.JobId, g.Key.OwnerId, g.Key.CreatedAt, g.Min(x => x.Index)))
            .ToListAsync(ct).ConfigureAwait(false);
        var order = heads.Count == 0 ? [] : await FairOrderAsync(db, heads, max, ct).ConfigureAwait(false);

        // Then one claimer at a time over the whole database (this process's writers queue at the gate; on SQLite the
        // transaction takes the write lock at once), so that what is in flight per provider cannot change between the
        // count and the claims, which are saved together.
        var claimed = new List<(Segment Segment, bool Resumed, bool Interrupted)>();
        using (await writes.EnterAsync(ct).ConfigureAwait(false))
        {
            await using var transaction = await db.Database.BeginTransactionAsync(ct).ConfigureAwait(false);

            // Generations already at a provider (or whose submission's answer was lost) come first: polls are cheap and
            // results expire. No provider limit applies to them.
            var resumable = await due.Where(s => s.Status != SegmentStatus.Pending)
                .OrderBy(s => s.DueAt).Take(max)
                .ForClaim()
                .ToListAsync(ct).ConfigureAwait(false);
            foreach (var segment in resumable)
            {
                var resumed = segment.Status == SegmentStatus.Submitting;
                claimed.Add((segment, resumed, resumed && segment.LeaseOwner is not null));
                segment.Claim(worker, now, lease);
            }

            if (claimed.Count < max && order.Count > 0)
            {
                foreach (var segment in await ClaimSubmissionsAsync(db, order, max - claimed.Count, now, ct).ConfigureAwait(false))
                {
                    claimed.Add((segment, false, false));
                    segment.Claim(worker, now, lease);
                }
            }

            if (claimed.Count == 0)
            {
                return [];
            }

            await db.SaveChangesAsync(ct).ConfigureAwait(false);
            await transaction.CommitAsync(ct).ConfigureAwait(false);
        }


        var jobIds = claimed.Select(c => c.Segment.JobId).Distinct().ToList();
        var version = Guid.NewGuid();
        await db.Jobs.Where(j => jobIds.Contains(j.Id) && j.Status == JobStatus.Queued)
            .ExecuteUpdateAsync(
                s => s.SetProperty(j => j.Status, JobStatus.Running)
                    .SetProperty(j => j.StartedAt, j => j.StartedAt == null ? now : j.StartedAt)
                    .SetProperty(j => j.Version, version),
                ct).ConfigureAwait(false);
        var jobs = await db.Jobs.AsNoTracking().Where(j => jobIds.Contains(j.Id))
            .Select(j => new { j.Id, j.OwnerId, j.Status, j.StylePrompt, j.AspectRatio, j.Provider, j.FallbackProviders })
            .ToDictionaryAsync(j => j.Id, ct).ConfigureAwait(false);
        return [.. claimed.Select(c =>
        {
            var j = jobs[c.Segment.JobId];
            var chain = ProductionJob.ChainOf(j.Provider, j.FallbackProviders);
            db.Entry(c.Segment).State = EntityState.Detached;
            return new SegmentWork(c.Segment, new GenerationContext(j.Id, j.OwnerId, j.Status, j.StylePrompt, j.AspectRatio, chain), c.Resumed, c.Interrupted);
        })];
    }

    /// <summary>Claims a job whose cut is to be assembled (not in <paramref name="exclude"/>); null when there is none.</summary>
    public async Task<Guid?> ClaimAssemblyAsync(string worker, IReadOnlyCollection<Guid> exclude, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(exclude);
        var now = time.GetUtcNow();
        await using var db = await dbFactory.CreateDbContextAsync(ct).ConfigureAwait(false);
        if (concurrency.LocksClaimedRows)
        {
            return await ClaimLockedAssemblyAsync(db, worker, [.. exclude], now, ct).ConfigureAwait(false);
        }

        var candidates = await db.Jobs
            .Where(j => j.Status == JobStatus.Assembling && (j.LeaseUntil == null || j.LeaseUntil < now))
            .OrderBy(j => j.CreatedAt)
            .Take(4 + exclude.Count)
            .ToListAsync(ct).ConfigureAwait(false);
        db.ChangeTracker.Clear();
        foreach (var job in candidates.Where(j => !exclude.Contains(j.Id)))
        {
            // Each candidate is saved on its own, under the version read: another worker's claim in between makes it fail.
            db.ChangeTracker.Clear();
            db.Jobs.Attach(job);
            job.Claim(worker, now, options.Value.Lease);
            try
            {
                await db.SaveChangesAsync(ct).ConfigureAwait(false);
                return job.Id;
            }
            catch (DbUpdateConcurrencyException)
            {
                // Taken by another worker: try the next one.
            }
        }

        return null;
    }

    // Where rows lock: the oldest job to assemble that no other worker is claiming, locked until the claim is saved.
    private async Task<Guid?> ClaimLockedAssemblyAsync(StudioDbContext db, string worker, List<Guid> exclude, DateTimeOffset now, CancellationToken ct)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(ct).ConfigureAwait(false);
        var job = await db.Jobs
            .Where(j => j.Status == JobStatus.Assembling && (j.LeaseUntil == null || j.LeaseUntil < now) && !exclude.Contains(j.Id))
            .OrderBy(j => j.CreatedAt)
            .ForClaim()
            .FirstOrDefaultAsync(ct).ConfigureAwait(false);
        if (job is null)
        {
            return null;
        }

        job.Claim(worker, now, options.Value.Lease);
        await db.SaveChangesAsync(ct).ConfigureAwait(false);
        await transaction.CommitAsync(ct).ConfigureAwait(false);
        return job.Id;
    }

    /// <summary>Extends a worker's lease on an assembly; false when the worker no longer holds it (taken over, or cancelled).</summary>
    public async Task<bool> RenewAssemblyAsync(Guid jobId, string worker, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct).ConfigureAwait(false);
        var until = time.GetUtcNow() + options.Value.Lease;
        var rows = await db.Jobs
            .Where(j => j.Id == jobId && j.LeaseOwner == worker && j.Status == JobStatus.Assembling)
            .ExecuteUpdateAsync(s => s.SetProperty(j => j.LeaseUntil, until), ct).ConfigureAwait(false);
        return rows == 1;
    }

    /// <summary>Gives an assembly back (on shutdown) so that the next worker takes it over at once.</summary>
    public async Task ReleaseAssemblyAsync(Guid jobId, string worker, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct).ConfigureAwait(false);
        await db.Jobs
            .Where(j => j.Id == jobId && j.LeaseOwner == worker)
            .ExecuteUpdateAsync(s => s.SetProperty(j => j.LeaseOwner, (string?)null).SetProperty(j => j.LeaseUntil, (DateTimeOffset?)null), ct).ConfigureAwait(false);
    }

    /// <summary>When the next piece of work falls due (a poll, a back-off's end, a lease running out); null when nothing waits.</summary>
    public async Task<DateTimeOffset?> NextDueAsync(CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct).ConfigureAwait(false);
        var active = db.Segments.Where(s => s.Status != SegmentStatus.Succeeded && s.Status != SegmentStatus.Failed && s.Status != SegmentStatus.Cancelled
            && db.Jobs.Any(j => j.Id == s.JobId && (j.Status == JobStatus.Queued || j.Status == JobStatus.Running)));
        var nextPoll = await active.Where(s => s.LeaseOwner == null).MinAsync(s => s.DueAt, ct).ConfigureAwait(false);
        var nextLease = await active.Where(s => s.LeaseOwner != null).MinAsync(s => s.LeaseUntil, ct).ConfigureAwait(false);
        var nextAssembly = await db.Jobs.Where(j => j.Status == JobStatus.Assembling && j.LeaseOwner != null).MinAsync(j => j.LeaseUntil, ct).ConfigureAwait(false);
        return new[] { nextPoll, nextLease, nextAssembly }.Where(d => d is not null).Min();
    }

    /// <summary>Queued or running jobs none of whose segments has work left: a worker stopped before settling them.</summary>
    public async Task<IReadOnlyList<Guid>> FindUnsettledJobsAsync(CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct).ConfigureAwait(false);
        return await db.Jobs
            .Where(j => (j.Status == JobStatus.Queued || j.Status == JobStatus.Running)
                && !db.Segments.Any(s => s.JobId == j.Id && s.Status != SegmentStatus.Succeeded && s.Status != SegmentStatus.Failed && s.Status != SegmentStatus.Cancelled))
            .Select(j => j.Id)
            .ToListAsync(ct).ConfigureAwait(false);
    }

    private static IQueryable<Segment> Due(StudioDbContext db, DateTimeOffset now) =>
        db.Segments.Where(s => s.Status != SegmentStatus.Succeeded && s.Status != SegmentStatus.Failed && s.Status != SegmentStatus.Cancelled
            && (s.LeaseUntil == null || s.LeaseUntil < now)
            && (s.DueAt == null || s.DueAt <= now)
            && db.Jobs.Any(j => j.Id == s.JobId && (j.Status == JobStatus.Queued || j.Status == JobStatus.Running)));

    // Fair order, from a snapshot of what is in flight: the owner with the fewest first, then the job with the fewest,
    // then the oldest job. The limits are checked again under the lock.
    private static async Task<List<Head>> FairOrderAsync(StudioDbContext db, List<Head> heads, int max, CancellationToken ct)
    {
        var inFlight = await (from s in db.Segments.Where(s => InFlight.Contains(s.Status))
                              join j in db.Jobs on s.JobId equals j.Id
                              select new { s.JobId, j.OwnerId })
            .ToListAsync(ct).ConfigureAwait(false);
        var byOwner = inFlight.GroupBy(f => f.OwnerId).ToDictionary(g => g.Key, g => g.Count());
        var byJob = inFlight.GroupBy(f => f.JobId).ToDictionary(g => g.Key, g => g.Count());
        var order = new List<Head>();
        while (order.Count < max * 2 && heads.Count > 0)
        {
            var head = heads
                .OrderBy(h => byOwner.GetValueOrDefault(h.OwnerId))
                .ThenBy(h => byJob.GetValueOrDefault(h.JobId))
                .ThenBy(h => h.CreatedAt)
                .First();
            heads.Remove(head);
            order.Add(head);
            byOwner[head.OwnerId] = byOwner.GetValueOrDefault(head.OwnerId) + 1;
            byJob[head.JobId] = byJob.GetValueOrDefault(head.JobId) + 1;
        }

        return order;
    }

    // Under the lock: the chosen pending segments, as they are now, within each provider's limit.
    private async Task<List<Segment>> ClaimSubmissionsAsync(StudioDbContext db, List<Head> order, int max, DateTimeOffset now, CancellationToken ct)
    {
        var jobIds = order.Select(h => h.JobId).ToList();
        var pending = (await db.Segments
                .Where(s => jobIds.Contains(s.JobId) && s.Status == SegmentStatus.Pending && (s.LeaseUntil == null || s.LeaseUntil < now))
                .ForClaim()
                .ToListAsync(ct).ConfigureAwait(false))
            .ToLookup(s => s.JobId);
        var providerNames = pending.SelectMany(g => g).Select(s => s.Provider).Distinct(StringComparer.OrdinalIgnoreCase).Order(StringComparer.OrdinalIgnoreCase).ToList();

        // What a provider has in flight cannot change under this claim (another process's claims wait for its provider's
        // turn); the turns are taken in name order, so two claimers never wait for each other in a circle.
        foreach (var name in providerNames)
        {
            await concurrency.SerializeAsync(db, "claims:" + name.ToUpperInvariant(), ct).ConfigureAwait(false);
        }

        var byProvider = await db.Segments
            .Where(s => InFlight.Contains(s.Status) && providerNames.Contains(s.Provider))
            .GroupBy(s => s.Provider)
            .Select(g => new { Provider = g.Key, Count = g.Count() })
            .ToDictionaryAsync(g => g.Provider, g => g.Count, StringComparer.OrdinalIgnoreCase, ct).ConfigureAwait(false);
        var chosen = new List<Segment>();
        foreach (var head in order)
        {
            if (chosen.Count == max)
            {
                break;
            }

            var segment = pending[head.JobId].FirstOrDefault(s => s.Index == head.Index);
            if (segment is null || byProvider.GetValueOrDefault(segment.Provider) >= options.Value.LimitFor(segment.Provider, providers.Find(segment.Provider)?.MaxConcurrency))
            {
                // Gone meanwhile, or its provider has all it may run: its job waits, the others go on.
                continue;
            }

            chosen.Add(segment);
            byProvider[segment.Provider] = byProvider.GetValueOrDefault(segment.Provider) + 1;
        }

        foreach (var unclaimed in pending.SelectMany(g => g).Except(chosen))
        {
            db.Entry(unclaimed).State = EntityState.Detached;
        }

        return chosen;
    }

    private sealed record Head(Guid JobId, string OwnerId, DateTimeOffset CreatedAt, int Index);
}
