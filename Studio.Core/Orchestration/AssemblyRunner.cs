using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Studio.Core.Assembly;
using Studio.Core.Budget;
using Studio.Core.Common;
using Studio.Core.Costs;
using Studio.Core.Events;
using Studio.Core.Jobs;
using Studio.Core.Media;
using Studio.Core.Persistence;
using Studio.Core.Voice;
using Studio.Core.Segments;
using Studio.Core.Storage;
using Studio.Core.Templates;

namespace Studio.Core.Orchestration;

/// <summary>
/// Assembles the final cut of a claimed job. The lease is renewed while FFmpeg works; when it is lost (another worker
/// took over, or the job was cancelled) the assembly stops. A job taken over after a crash is assembled again.
/// </summary>
public sealed partial class AssemblyRunner(
    IDbContextFactory<StudioDbContext> dbFactory,
    WorkQueue queue,
    FinalCut finalCut,
    DatabaseWriteGate writes,
    IJobEvents events,
    TimeProvider time,
    IOptions<WorkerOptions> options,
    CostModel costs,
    VoiceCatalog voices,
    BudgetGuard budget,
    ILogger<AssemblyRunner> logger)
{
    private static readonly TimeSpan ProgressWriteInterval = TimeSpan.FromMilliseconds(250);

    /// <summary>Assembles the job that <paramref name="worker"/> has claimed.</summary>
    public async Task RunAsync(Guid jobId, string worker, CancellationToken ct)
    {
        using var held = CancellationTokenSource.CreateLinkedTokenSource(ct);
        var renewal = KeepLeaseAsync(jobId, worker, held);
        try
        {
            await AssembleAsync(jobId, worker, held.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
            // Shutting down: give the job back so the next worker resumes it at once.
            await queue.ReleaseAssemblyAsync(jobId, worker, CancellationToken.None).ConfigureAwait(false);
            throw;
        }
        catch (Exception ex) when (ex is OperationCanceledException or DbUpdateConcurrencyException or LeaseLostException)
        {
            LogLeaseLost(logger, ex, jobId, worker);
        }
#pragma warning disable CA1031 // A job that throws something unforeseen is failed with the reason, not retried forever.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            LogUnexpected(logger, ex, jobId);
            await FailUnexpectedlyAsync(jobId, worker).ConfigureAwait(false);
        }
        finally
        {
            await held.CancelAsync().ConfigureAwait(false);
            await renewal.ConfigureAwait(false);
        }
    }

    private async Task FailUnexpectedlyAsync(Guid jobId, string worker)
    {
        try
        {
            // Only while this worker still holds the job: after a take-over the job is someone else's to finish.
            await UpdateJobAsync(
                jobId,
                worker,
                j => j.Fail(StoredText.Of("Studio hit an unexpected error while making this video; the server log has the details."), time.GetUtcNow()),
                null,
                CancellationToken.None).ConfigureAwait(false);
        }
        catch (Exception inner) when (inner is DbUpdateException or LeaseLostException or InvalidOperationException)
        {
            LogUnexpected(logger, inner, jobId);
        }
    }

    private async Task KeepLeaseAsync(Guid jobId, string worker, CancellationTokenSource held)
    {
        try
        {
            while (true)
            {
                await Task.Delay(options.Value.Lease / 3, time, held.Token).ConfigureAwait(false);
                bool renewed;
                try
                {
                    renewed = await queue.RenewAssemblyAsync(jobId, worker, held.Token).ConfigureAwait(false);
                }
                catch (Exception ex) when (ex is not OperationCanceledException)
                {
                    // A busy or failing database: keep working and try again; the lease has two more chances to be renewed.
                    LogRenewFailed(logger, ex, jobId);
                    continue;
                }

                if (!renewed)
                {
                    await held.CancelAsync().ConfigureAwait(false);
                    return;
                }
            }
        }
        catch (OperationCanceledException)
        {
            // The job is over or the worker is stopping.
        }
    }

    private async Task AssembleAsync(Guid jobId, string worker, CancellationToken ct)
    {
        var job = await LoadAsync(jobId, ct).ConfigureAwait(false);

        // A hosted voice speaks the narration for this cut: that is billed, each time the cut is made. It is checked
        // against the owner's budget before the voice is asked, and its price stays reserved until its charge is booked;
        // refused, the job fails with the clips kept, and can be assembled again once the budget allows.
        var voiceUsd = job.VoiceEngine is { } engine && voices.Find(engine) is { IsHosted: true } && job.Segments.Any(s => s.Narration.Length > 0)
            ? costs.VoicePrice(hosted: true)
            : 0m;
        using var admission = await budget.AdmitVoiceAsync(job.OwnerId, voiceUsd, ct).ConfigureAwait(false);
        if (admission.Refusal is { } overBudget)
        {
            LogVoiceOverBudget(logger, jobId, overBudget.SpentUsd, overBudget.BudgetUsd, voiceUsd);
            await UpdateJobAsync(jobId, worker, j => j.Fail(overBudget.Stored ?? StoredText.Verbatim(overBudget.Message), time.GetUtcNow()), null, ct).ConfigureAwait(false);
            return;
        }

        try
        {
            var latest = new LatestValue();
            var making = finalCut.MakeAsync(job, latest, ct);
            var reporting = ReportWhileAsync(making, jobId, worker, latest, ct);

            // Both end before anything else is written: FFmpeg may still be working when reporting fails.
            await Task.WhenAll(making, reporting).ConfigureAwait(false);
            var outputs = await making.ConfigureAwait(false);

            var entry = voiceUsd > 0
                ? CostEntry.Now(time, job.OwnerId, jobId, null, job.VoiceEngine!, CostKind.Voice, voiceUsd)
                : null;
            await UpdateJobAsync(
                jobId,
                worker,
                j =>
                {
                    j.ChargeVoice(voiceUsd);
                    j.Complete(outputs.Video, outputs.Poster, time.GetUtcNow());
                },
                null,
                ct,
                entry,
                admission.ReleaseWithinAsync).ConfigureAwait(false);
            LogCompleted(logger, jobId);
        }
        catch (MediaProcessingException ex)
        {
            LogAssemblyFailed(logger, ex, jobId);
            await UpdateJobAsync(jobId, worker, j => j.Fail(StoredText.Of("The final video could not be assembled: {0}", ex.Stored), time.GetUtcNow()), null, ct).ConfigureAwait(false);
        }
    }

    private async Task ReportWhileAsync(Task work, Guid jobId, string worker, LatestValue latest, CancellationToken ct)
    {
        var written = -1d;
        while (!work.IsCompleted)
        {
            // No token on the wait: the work itself ends on cancellation, and this loop with it.
            await Task.WhenAny(work, Task.Delay(ProgressWriteInterval, time, CancellationToken.None)).ConfigureAwait(false);
            var value = latest.Value;
            if (!work.IsCompleted && value - written >= 0.01)
            {
                written = value;
                await UpdateJobAsync(jobId, worker, j => j.ReportProgress(JobProgress.WhileAssembling(value)), null, ct).ConfigureAwait(false);
            }
        }
    }

    private async Task<ProductionJob> LoadAsync(Guid jobId, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct).ConfigureAwait(false);
        return await db.Jobs.AsNoTracking().Include(j => j.Segments).FirstAsync(j => j.Id == jobId, ct).ConfigureAwait(false);
    }

    /// <summary>
    /// Applies a change to the job, only while <paramref name="worker"/> holds it. The lease owner is read and the change
    /// saved under the job's version, so a take-over in between fails the save instead of being overwritten.
    /// </summary>
    /// <summary>
    /// Applies <paramref name="change"/> to the held job and saves it with <paramref name="entry"/>, if any; then
    /// <paramref name="alongside"/>, if any, in the same transaction (the voice-over's reservation given back in the write
    /// that books its charge).
    /// </summary>
    private async Task UpdateJobAsync(
        Guid jobId, string worker, Action<ProductionJob> change, int? segmentIndex, CancellationToken ct, CostEntry? entry = null, Func<StudioDbContext, CancellationToken, Task>? alongside = null)
    {
        ProductionJob job;
        await using (var db = await dbFactory.CreateDbContextAsync(ct).ConfigureAwait(false))
        {
            using var turn = await writes.EnterAsync(ct).ConfigureAwait(false);
            job = await db.Jobs.Include(j => j.Segments).FirstAsync(j => j.Id == jobId, ct).ConfigureAwait(false);
            if (job.LeaseOwner != worker)
            {
                throw new LeaseLostException($"Worker {worker} no longer holds job {jobId}.");
            }

            change(job);
            if (entry is not null)
            {
                db.Costs.Add(entry);
            }

            await db.SaveChangesAlongsideAsync(alongside, ct).ConfigureAwait(false);
        }

        await events.PublishAsync(new JobChanged(job.Id, job.OwnerId, job.Status, segmentIndex, time.GetUtcNow()), ct).ConfigureAwait(false);
    }

    [LoggerMessage(LogLevel.Information, "Job {JobId} taken up in state {Status}")]
    private static partial void LogStarted(ILogger logger, Guid jobId, JobStatus status);

    [LoggerMessage(LogLevel.Information, "Job {JobId} completed")]
    private static partial void LogCompleted(ILogger logger, Guid jobId);

    [LoggerMessage(LogLevel.Warning, "Job {JobId}: voice-over not spoken, over the owner's monthly budget (spent {SpentUsd} of {BudgetUsd}, voice-over {PriceUsd})")]
    private static partial void LogVoiceOverBudget(ILogger logger, Guid jobId, decimal spentUsd, decimal budgetUsd, decimal priceUsd);

    [LoggerMessage(LogLevel.Error, "Job {JobId}: assembly failed")]
    private static partial void LogAssemblyFailed(ILogger logger, Exception exception, Guid jobId);

    [LoggerMessage(LogLevel.Error, "Job {JobId} failed unexpectedly")]
    private static partial void LogUnexpected(ILogger logger, Exception exception, Guid jobId);

    [LoggerMessage(LogLevel.Warning, "Job {JobId}: could not renew the lease; will try again")]
    private static partial void LogRenewFailed(ILogger logger, Exception exception, Guid jobId);

    [LoggerMessage(LogLevel.Warning, "Job {JobId}: worker {Worker} lost its lease and stopped")]
    private static partial void LogLeaseLost(ILogger logger, Exception exception, Guid jobId, string worker);

    /// <summary>Keeps the last progress an assembler reported, without a synchronization context.</summary>
    private sealed class LatestValue : IProgress<double>
    {
        private double _value;

        public double Value => Volatile.Read(ref _value);

        public void Report(double value) => Volatile.Write(ref _value, value);
    }
}
