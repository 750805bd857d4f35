using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Logging;
using Studio.Core.Audit;
using Studio.Core.Budget;
using Studio.Core.Common;
using Studio.Core.Costs;
using Studio.Core.Events;
using Studio.Core.Orchestration;
using Studio.Core.Persistence;
using Studio.Core.Providers;
using Studio.Core.Segments;
using Studio.Core.Voice;

namespace Studio.Core.Jobs;

/// <summary>
/// What a user does to a job in progress or done: cancel it, retry its failed segments, regenerate one segment, pick
/// the take that goes into the cut. Each command is one conditional write of the job and its segments (a worker moving
/// a segment at the same moment makes the write fail, and it is tried again on fresh data); workers holding a changed
/// segment see their next write refused and stop. Another user's job is treated exactly as a missing one.
/// A command that makes paid work (segments made again, a new take, another cut spoken by a hosted voice) is refused up
/// front when the owner's budget cannot hold its estimate; the check and the job's new reservation are one write.
/// </summary>
public sealed partial class JobControl(
    IDbContextFactory<StudioDbContext> dbFactory,
    VideoProviderCatalog providers,
    IJobEvents events,
    JobQueueSignal signal,
    DatabaseWriteGate writes,
    BudgetGuard budget,
    CostModel costs,
    VoiceCatalog voices,
    JobStatusWords statusWords,
    TimeProvider time,
    IStringLocalizer<JobControl> L,
    ILogger<JobControl> logger)
{
    private const int Tries = 10;
    private static readonly TimeSpan ProviderCancelTimeout = TimeSpan.FromSeconds(10);

    /// <summary>Stops the job: no new submission; generations running at providers are cancelled where the provider allows.</summary>
    public async Task<JobCommandResult> CancelAsync(string ownerId, Guid jobId, CancellationToken ct)
    {
        IReadOnlyList<(string Provider, string ProviderJobId)> running = [];
        var result = await ChangeAsync(ownerId, jobId, "job.cancel", withTakes: false, job =>
        {
            if (job.IsFinished)
            {
                return JobCommandResult.Conflict(L["The job is already {0}.", statusWords.Of(job.Status)]);
            }

            running = job.Cancel(time.GetUtcNow());
            return JobCommandResult.Done;
        }, ct).ConfigureAwait(false);

        foreach (var (providerName, providerJobId) in running)
        {
            await CancelAtProviderAsync(providerName, providerJobId).ConfigureAwait(false);
        }

        return result;
    }

    /// <summary>Makes the failed or cancelled segments again; the segments that have a clip keep it.</summary>
    public Task<JobCommandResult> RetryAsync(string ownerId, Guid jobId, CancellationToken ct) =>
        ChangeAsync(ownerId, jobId, "job.retry", withTakes: false, job =>
        {
            if (job.Status is not (JobStatus.Failed or JobStatus.Cancelled))
            {
                return JobCommandResult.Conflict(L["Only a failed or cancelled job can be retried; this one is {0}.", statusWords.Of(job.Status)]);
            }

            job.Retry();
            return JobCommandResult.Done;
        }, ct);

    /// <summary>Starts a new take of segment <paramref name="index"/> (from 0), with a new prompt when one is given; earlier takes stay.</summary>
    public async Task<JobCommandResult> RegenerateAsync(string ownerId, Guid jobId, int index, string? prompt, CancellationToken ct)
    {
        var cleaned = prompt is null ? null : TextInput.Clean(prompt);
        return await ChangeAsync(ownerId, jobId, "job.regenerate", withTakes: true, job =>
        {
            if (job.Segments.All(s => s.Index != index))
            {
                return JobCommandResult.NotFound;
            }

            if (job.Status is JobStatus.Draft or JobStatus.Assembling)
            {
                return JobCommandResult.Conflict(job.Status == JobStatus.Draft
                    ? L["The job has not been started yet; edit its prompts instead."]
                    : L["The final cut is being assembled; wait until it is done."]);
            }

            var segment = job.SegmentAt(index);
            if (!segment.IsFinished)
            {
                return JobCommandResult.Conflict(L["Segment {0} is still being made.", index + 1]);
            }

            if (cleaned is not null && PromptProblem(job, cleaned) is { } problem)
            {
                return JobCommandResult.Invalid(problem);
            }

            job.Regenerate(index, cleaned);
            return JobCommandResult.Done;
        }, ct).ConfigureAwait(false);
    }

    /// <summary>Puts take <paramref name="take"/> of segment <paramref name="index"/> into the cut, and assembles the cut again.</summary>
    public Task<JobCommandResult> SelectTakeAsync(string ownerId, Guid jobId, int index, int take, CancellationToken ct) =>
        ChangeAsync(ownerId, jobId, "job.select-take", withTakes: true, job =>
        {
            var segment = job.Segments.FirstOrDefault(s => s.Index == index);
            var chosen = segment?.Takes.FirstOrDefault(t => t.Number == take);
            if (segment is null || chosen is null)
            {
                return JobCommandResult.NotFound;
            }

            if (job.Status is not (JobStatus.Completed or JobStatus.Failed or JobStatus.Cancelled))
            {
                return JobCommandResult.Conflict(L["The job is {0}; pick a take once it has finished.", statusWords.Of(job.Status)]);
            }

            if (!segment.IsFinished)
            {
                return JobCommandResult.Conflict(L["Segment {0} is still being made.", index + 1]);
            }

            job.SelectTake(index, chosen);
            return JobCommandResult.Done;
        }, ct);

    /// <summary>Assembles the final cut again from the clips the job has, without making any clip again.</summary>
    public Task<JobCommandResult> ReassembleAsync(string ownerId, Guid jobId, CancellationToken ct) =>
        ChangeAsync(ownerId, jobId, "job.reassemble", withTakes: false, job =>
        {
            if (job.Status is not (JobStatus.Completed or JobStatus.Failed or JobStatus.Cancelled))
            {
                return JobCommandResult.Conflict(L["The job is {0}; it can be assembled again once it has finished.", statusWords.Of(job.Status)]);
            }

            var missing = job.Segments.Count(s => s.Status != SegmentStatus.Succeeded);
            if (missing > 0)
            {
                return JobCommandResult.Conflict(missing == 1
                    ? L["One segment has no clip yet; retry it first."]
                    : L["{0} segments have no clip yet; retry them first.", missing]);
            }

            job.Reassemble();
            return JobCommandResult.Done;
        }, ct);

    private string? PromptProblem(ProductionJob job, string prompt)
    {
        var limit = Math.Min(Segment.MaxPromptLength, providers.Find(job.Provider)?.Capabilities.MaxPromptLength ?? Segment.MaxPromptLength);
        return prompt.Length == 0 ? L["The prompt is empty."].Value
            : prompt.Length > limit ? L["The prompt is {0} characters long; at most {1} are accepted.", prompt.Length, limit].Value
            : null;
    }

    private async Task<JobCommandResult> ChangeAsync(string ownerId, Guid jobId, string action, bool withTakes, Func<ProductionJob, JobCommandResult> change, CancellationToken ct)
    {
        for (var attempt = 1; ; attempt++)
        {
            JobCommandResult result;
            ProductionJob? job;
            await using (var db = await dbFactory.CreateDbContextAsync(ct).ConfigureAwait(false))
            {
                // Read, decide and save in this process's turn at the database: no worker of this process can move a
                // segment in between. A worker of another process still can; then the save fails and it is decided again.
                using var turn = await writes.EnterAsync(ct).ConfigureAwait(false);
                IQueryable<ProductionJob> jobs = db.Jobs.Include(j => j.Segments);
                if (withTakes)
                {
                    jobs = db.Jobs.Include(j => j.Segments).ThenInclude(s => s.Takes);
                }

                // The budget is read and the job's reservation written in one transaction (SQLite: BEGIN IMMEDIATE), so
                // two commands cannot both take the last of a budget, in this process or another.
                await using var transaction = await db.Database.BeginTransactionAsync(ct).ConfigureAwait(false);
                job = await jobs.AsSplitQuery().FirstOrDefaultAsync(j => j.Id == jobId && j.OwnerId == ownerId, ct).ConfigureAwait(false);
                if (job is null)
                {
                    return JobCommandResult.NotFound;
                }

                var wasInProgress = job.Status is JobStatus.Queued or JobStatus.Running or JobStatus.Assembling;
                var wasFinished = job.IsFinished;
                var finishedBefore = job.Segments.Where(s => s.IsFinished).Select(s => s.Index).ToHashSet();
                result = change(job);
                if (result.Outcome != JobCommandOutcome.Done)
                {
                    return result;
                }

                var needed = NewWorkPrice(job, finishedBefore, wasFinished);
                if (await budget.ReserveNewWorkAsync(db, job, wasInProgress, needed, ct).ConfigureAwait(false) is { } refusal)
                {
                    LogOverBudget(logger, jobId, action, needed);
                    return JobCommandResult.OverBudget(refusal.Message);
                }

                // On the audit trail in the same save: a command that is not saved is not recorded either.
                db.Audit.Add(AuditEntry.Now(time, ownerId, action, $"job/{jobId}", job.Title, job.SpentUsd));

                try
                {
                    await db.SaveChangesAsync(ct).ConfigureAwait(false);
                    await transaction.CommitAsync(ct).ConfigureAwait(false);
                }
                catch (DbUpdateConcurrencyException) when (attempt < Tries)
                {
                    continue;
                }
            }

            await events.PublishAsync(new JobChanged(job.Id, job.OwnerId, job.Status, null, time.GetUtcNow()), ct).ConfigureAwait(false);
            signal.Notify();
            return result;
        }
    }

    /// <summary>
    /// What the command's new work is expected to cost: each segment it sent back to be made (finished before, not now)
    /// at its provider's price, and the voice-over again when a finished job goes back to be assembled with a hosted voice.
    /// </summary>
    private decimal NewWorkPrice(ProductionJob job, HashSet<int> finishedBefore, bool wasFinished)
    {
        var clips = job.Segments.Where(s => finishedBefore.Contains(s.Index) && !s.IsFinished).Sum(s =>
            providers.Find(s.Provider) is { } provider
                ? CostModel.ClipPrice(provider, new GenerationRequest(s.Id, s.Prompt, job.StylePrompt, s.Mode, job.AspectRatio, TimeSpan.FromSeconds(s.Seconds), null) { SegmentIndex = s.Index }) ?? 0m
                : 0m);
        var voice = wasFinished && !job.IsFinished && job.VoiceEngine is { } engine && voices.Find(engine) is { IsHosted: true } && job.Segments.Any(s => s.Narration.Length > 0)
            ? costs.VoicePrice(hosted: true)
            : 0m;
        return clips + voice;
    }

    private async Task CancelAtProviderAsync(string providerName, string providerJobId)
    {
        if (providers.Find(providerName) is not { } provider)
        {
            return;
        }

        using var timeout = new CancellationTokenSource(ProviderCancelTimeout, time);
        try
        {
            await provider.CancelAsync(providerJobId, timeout.Token).ConfigureAwait(false);
        }
#pragma warning disable CA1031 // Cancelling at the provider is a courtesy: the job is cancelled here whatever the provider answers.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            LogProviderCancelFailed(logger, ex, providerName, providerJobId);
        }
    }

    [LoggerMessage(LogLevel.Information, "Job {JobId}: {Action} refused, over the owner's monthly budget (new work estimated at {NeededUsd})")]
    private static partial void LogOverBudget(ILogger logger, Guid jobId, string action, decimal neededUsd);

    [LoggerMessage(LogLevel.Warning, "Could not cancel {Provider} generation {ProviderJobId}; it may still run (and bill) at the provider")]
    private static partial void LogProviderCancelFailed(ILogger logger, Exception exception, string provider, string providerJobId);
}
