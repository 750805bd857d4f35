using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Studio.Core.Common;
using Studio.Core.Events;
using Studio.Core.Jobs;
using Studio.Core.Persistence;
using Studio.Core.Segments;

namespace Studio.Core.Orchestration;

/// <summary>
/// Decides what a job does once none of its segments has work left: every clip made → Assembling (a worker claims the
/// assembly next); otherwise → Failed, saying which segment and why. Called after every segment reaches an end, and by
/// the workers' sweep for jobs a stopped worker left unsettled; the job's version makes concurrent callers harmless.
/// </summary>
public sealed partial class JobSettler(
    IDbContextFactory<StudioDbContext> dbFactory,
    IJobEvents events,
    JobQueueSignal signal,
    DatabaseWriteGate writes,
    TimeProvider time,
    ILogger<JobSettler> logger)
{
    private const int Tries = 5;

    /// <summary>Settles the job if all its segments are done; does nothing otherwise.</summary>
    public async Task SettleAsync(Guid jobId, CancellationToken ct)
    {
        for (var attempt = 1; attempt <= Tries; attempt++)
        {
            await using var db = await dbFactory.CreateDbContextAsync(ct).ConfigureAwait(false);
            if (await db.Segments.AnyAsync(
                s => s.JobId == jobId && s.Status != SegmentStatus.Succeeded && s.Status != SegmentStatus.Failed && s.Status != SegmentStatus.Cancelled,
                ct).ConfigureAwait(false))
            {
                // The usual case: other segments still have work. One indexed look, nothing loaded.
                return;
            }

            using var turn = await writes.EnterAsync(ct).ConfigureAwait(false);
            var job = await db.Jobs.Include(j => j.Segments).FirstOrDefaultAsync(j => j.Id == jobId, ct).ConfigureAwait(false);
            if (job is null || job.Status is not (JobStatus.Queued or JobStatus.Running) || job.Segments.Any(s => !s.IsFinished))
            {
                return;
            }

            var unmade = job.Segments.Where(s => s.Status != SegmentStatus.Succeeded).OrderBy(s => s.Index).ToList();
            if (unmade.Count == 0)
            {
                job.BeginAssembly();
            }
            else
            {
                job.Fail(Explain(unmade), time.GetUtcNow());
                LogFailed(logger, jobId, job.Error!);
            }

            try
            {
                await db.SaveChangesAsync(ct).ConfigureAwait(false);
            }
            catch (DbUpdateConcurrencyException)
            {
                // Someone else moved the job (another settler, a cancel): look again.
                continue;
            }

            await events.PublishAsync(new JobChanged(job.Id, job.OwnerId, job.Status, null, time.GetUtcNow()), CancellationToken.None).ConfigureAwait(false);
            if (job.Status == JobStatus.Assembling)
            {
                signal.Notify();
            }

            return;
        }
    }

    private static StoredText Explain(List<Segment> unmade)
    {
        // The segment's reason is nested, not copied: each reader sees it in their own language too.
        var first = unmade[0];
        var reason = first.Status == SegmentStatus.Cancelled
            ? StoredText.Of("it was cancelled")
            : first.ErrorMessage ?? StoredText.Of("no reason was given");
        return unmade.Count == 1
            ? StoredText.Of("Segment {0} could not be made: {1}", first.Index + 1, reason)
            : StoredText.Of("{0} segments could not be made. Segment {1}: {2}", unmade.Count, first.Index + 1, reason);
    }

    [LoggerMessage(LogLevel.Warning, "Job {JobId} failed: {Reason}")]
    private static partial void LogFailed(ILogger logger, Guid jobId, string reason);
}
