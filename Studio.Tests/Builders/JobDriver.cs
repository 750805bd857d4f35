using Microsoft.EntityFrameworkCore;
using Studio.Core.Common;
using Studio.Core.Events;
using Studio.Core.Jobs;
using Studio.Core.Persistence;
using Studio.Core.Segments;
using Studio.Core.Storage;

namespace Studio.Tests.Builders;

/// <summary>
/// Moves a stored job through its real state methods, as a worker would, saves it and publishes
/// <see cref="JobChanged"/> on the real event stream: what a page sees when a job runs, without a provider or FFmpeg.
/// </summary>
public sealed class JobDriver(IDbContextFactory<StudioDbContext> dbFactory, IJobEvents events, TimeProvider time)
{
    public const string Worker = "test-worker";

    private readonly List<SegmentTake> _takes = [];

    /// <summary>Draft or Queued → Running, as when a worker takes its first segment.</summary>
    public Task ClaimAsync(Guid jobId) => ChangeAsync(jobId, null, job =>
    {
        if (job.Status == JobStatus.Draft)
        {
            job.Queue();
        }

        job.MarkRunning(time.GetUtcNow());
    });

    /// <summary>
    /// A segment renders at <paramref name="progress"/> with the provider's note <paramref name="detail"/> (submitting it
    /// first when it is pending, billed <paramref name="costUsd"/>).
    /// </summary>
    public Task RenderSegmentAsync(Guid jobId, int index, double progress, string? detail = null, decimal costUsd = 0m) => ChangeAsync(jobId, index, job =>
    {
        var segment = SegmentAt(job, index);
        if (segment.Status == SegmentStatus.Pending)
        {
            segment.BeginSubmit(time.GetUtcNow());
            segment.MarkSubmitted($"provider-{jobId:N}-{index}", costUsd);
        }

        segment.ReportRendering(progress, detail);
    });

    /// <summary>A segment's clip is done and stored (billed <paramref name="costUsd"/> at submission, when it was still pending).</summary>
    public Task SucceedSegmentAsync(Guid jobId, int index, decimal costUsd = 0m) => ChangeAsync(jobId, index, job =>
    {
        SucceedSegment(job, index, costUsd);
    });

    /// <summary>A segment fails for good with <paramref name="error"/> (a provider's words, or a row older than worded reasons).</summary>
    public Task FailSegmentAsync(Guid jobId, int index, string error) => FailSegmentAsync(jobId, index, StoredText.Verbatim(error));

    /// <summary>A segment fails for good with <paramref name="error"/>, worded in each reader's language.</summary>
    public Task FailSegmentAsync(Guid jobId, int index, StoredText error) => ChangeAsync(jobId, index, job =>
    {
        SegmentAt(job, index).Fail(error, time.GetUtcNow());
    });

    /// <summary>Every unfinished segment succeeds, the job is assembled and completes with its output keys.</summary>
    public Task CompleteAsync(Guid jobId, decimal costPerSegmentUsd = 0m) => ChangeAsync(jobId, null, job =>
    {
        if (job.Status is JobStatus.Draft or JobStatus.Queued)
        {
            if (job.Status == JobStatus.Draft)
            {
                job.Queue();
            }

            job.MarkRunning(time.GetUtcNow());
        }

        foreach (var segment in job.Segments.Where(s => !s.IsFinished))
        {
            SucceedSegment(job, segment.Index, costPerSegmentUsd);
        }

        job.BeginAssembly();
        job.Claim(Worker, time.GetUtcNow(), TimeSpan.FromMinutes(5));
        job.Complete(FileKeys.FinalVideo(jobId), FileKeys.Poster(jobId), time.GetUtcNow());
    });

    /// <summary>The job fails with <paramref name="error"/> as written (a provider's words, or a row older than worded reasons).</summary>
    public Task FailAsync(Guid jobId, string error) => FailAsync(jobId, StoredText.Verbatim(error));

    /// <summary>The job fails with <paramref name="error"/>, worded in each reader's language (claiming it first when it has not started).</summary>
    public Task FailAsync(Guid jobId, StoredText error) => ChangeAsync(jobId, null, job =>
    {
        if (job.Status == JobStatus.Draft)
        {
            job.Queue();
        }

        if (job.Status == JobStatus.Queued)
        {
            job.MarkRunning(time.GetUtcNow());
        }

        job.Fail(error, time.GetUtcNow());
    });

    private void SucceedSegment(ProductionJob job, int index, decimal costUsd)
    {
        var segment = SegmentAt(job, index);
        if (segment.Status == SegmentStatus.Pending)
        {
            segment.BeginSubmit(time.GetUtcNow());
            segment.MarkSubmitted($"provider-{job.Id:N}-{index}", costUsd);
        }

        segment.BeginDownload();
        _takes.Add(segment.Succeed(FileKeys.Take(job.Id, index, segment.Take), time.GetUtcNow()));
    }

    private static Segment SegmentAt(ProductionJob job, int index) => job.Segments.Single(s => s.Index == index);

    private async Task ChangeAsync(Guid jobId, int? segmentIndex, Action<ProductionJob> change)
    {
        ProductionJob job;
        await using (var db = await dbFactory.CreateDbContextAsync())
        {
            job = await db.Jobs.Include(j => j.Segments).SingleAsync(j => j.Id == jobId);
            change(job);
            db.Takes.AddRange(_takes);
            _takes.Clear();
            await db.SaveChangesAsync();
        }

        await events.PublishAsync(new JobChanged(job.Id, job.OwnerId, job.Status, segmentIndex, time.GetUtcNow()), CancellationToken.None);
    }
}
