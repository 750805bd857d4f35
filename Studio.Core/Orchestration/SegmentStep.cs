using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Polly.Registry;
using Studio.Core.Budget;
using Studio.Core.Common;
using Studio.Core.Costs;
using Studio.Core.Events;
using Studio.Core.Media;
using Studio.Core.Persistence;
using Studio.Core.Providers;
using Studio.Core.Segments;
using Studio.Core.Storage;

namespace Studio.Core.Orchestration;

/// <summary>
/// Moves one claimed segment as far as it can go without waiting: submit (the provider's id saved before anything
/// else), poll, download, store. When the provider is still working, the segment is given back with the time of its
/// next poll, so no worker sits idle waiting for a provider. A segment whose provider job id is saved is polled, never
/// submitted again; one caught between asking and saving is looked up by its reference where the provider allows.
/// </summary>
public sealed partial class SegmentStep(
    IDbContextFactory<StudioDbContext> dbFactory,
    VideoProviderCatalog providers,
    IFileStore files,
    StudioPaths paths,
    ResiliencePipelineProvider<string> pipelines,
    JobSettler settler,
    DatabaseWriteGate writes,
    BudgetGuard budget,
    IJobEvents events,
    TimeProvider time,
    IOptions<WorkerOptions> options,
    ILogger<SegmentStep> logger)
{
    /// <summary>Works the claimed segment until it must wait, finishes, or the worker loses it.</summary>
    public async Task RunAsync(SegmentWork work, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(work);
        using var held = new HeldSegment(work.Segment, work.Job, dbFactory, writes, events, time);
        using var step = CancellationTokenSource.CreateLinkedTokenSource(ct);
        var renewal = KeepLeaseAsync(held, step);
        try
        {
            await AdvanceAsync(held, work.Resumed, work.Interrupted, step.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
            // Stopping: give the segment back so that the next worker resumes it at once.
            await TryWriteAsync(held, s => s.Release(null)).ConfigureAwait(false);
            throw;
        }
        catch (Exception ex) when (ex is LeaseLostException or OperationCanceledException)
        {
            LogLost(logger, work.Job.JobId, work.Segment.Index);
        }
        finally
        {
            await step.CancelAsync().ConfigureAwait(false);
            await renewal.ConfigureAwait(false);
        }
    }

    private static bool IsTransient(Exception ex) =>
        ex is ProviderException { IsPermanent: false } or HttpRequestException or IOException or TimeoutException
            or Polly.Timeout.TimeoutRejectedException or Polly.CircuitBreaker.BrokenCircuitException or MediaProcessingException;

    private async Task AdvanceAsync(HeldSegment held, bool resumed, bool interrupted, CancellationToken ct)
    {
        var segment = held.Segment;
        if (providers.Find(segment.Provider) is not { } provider)
        {
            await held.WriteAsync(s => s.Fail(StoredText.Of("The provider '{0}' is not configured on this server.", segment.Provider), time.GetUtcNow()), ct).ConfigureAwait(false);
            await settler.SettleAsync(held.Job.JobId, ct).ConfigureAwait(false);
            return;
        }

        while (true)
        {
            switch (segment.Status)
            {
                case SegmentStatus.Submitting when resumed:
                    resumed = false;
                    if (!await RecoverAsync(held, provider, interrupted, ct).ConfigureAwait(false))
                    {
                        return;
                    }

                    break;

                case SegmentStatus.Submitting:
                    if (!await SubmitAsync(held, provider, ct).ConfigureAwait(false))
                    {
                        return;
                    }

                    break;

                case SegmentStatus.Submitted or SegmentStatus.Rendering:
                    if (!await PollAsync(held, provider, ct).ConfigureAwait(false))
                    {
                        return;
                    }

                    break;

                case SegmentStatus.Downloading:
                    await DownloadAsync(held, provider, ct).ConfigureAwait(false);
                    return;

                default:
                    // Pending (given back) or finished: nothing for this step to do.
                    return;
            }
        }
    }

    /// <summary>The answer to a submission was lost (a worker stopped, a timeout): find the submission, or count the attempt as failed.</summary>
    private async Task<bool> RecoverAsync(HeldSegment held, IVideoProvider provider, bool interrupted, CancellationToken ct)
    {
        string? found;
        try
        {
            found = await provider.FindSubmissionAsync(held.Segment.SubmissionReference, ct).ConfigureAwait(false);
        }
        catch (Exception ex) when (IsTransient(ex) && !ct.IsCancellationRequested)
        {
            // Whether it was started cannot be known now: ask again later rather than risk paying twice — a few times; then
            // the attempt counts as failed (a provider that cannot even be asked most likely started nothing).
            LogTransient(logger, ex, held.Job.JobId, held.Segment.Index);
            if (held.Segment.Polls + 1 >= options.Value.MaxAttemptsPerSegment)
            {
                await AttemptFailedAsync(held, provider, ProviderException.StoredFor(ex), ex is ProviderUnavailableException, ct).ConfigureAwait(false);
                return false;
            }

            await held.WriteAsync(s => s.LookupFailed(ProviderException.StoredFor(ex), time.GetUtcNow() + RetryDelay(s.Polls + 1)), ct, announce: false).ConfigureAwait(false);
            return false;
        }

        if (found is not null)
        {
            LogRecovered(logger, held.Job.JobId, held.Segment.Index, found);
            var price = CostModel.ClipPrice(provider, await BuildRequestAsync(held, withInput: false, ct).ConfigureAwait(false)) ?? 0m;
            await held.WriteAsync(s => Charge(held, s.Index, provider, () => s.MarkSubmitted(found, price), price), CancellationToken.None).ConfigureAwait(false);
            return true;
        }

        // Not started after all (or the provider cannot tell): this attempt failed; try again, hand over or give up.
        var reason = interrupted || held.Segment.ErrorMessage is not { } last
            ? StoredText.Of("The previous attempt was interrupted before the provider answered.")
            : last;
        await AttemptFailedAsync(held, provider, reason, unavailable: false, ct).ConfigureAwait(false);
        return false;
    }

    private async Task<bool> SubmitAsync(HeldSegment held, IVideoProvider provider, CancellationToken ct)
    {
        var segment = held.Segment;
        string providerJobId;

        // Spending is checked again before each paid clip (the budget may have been lowered, or retries and new takes may
        // cost more than the estimate the job started with); the clip's price stays reserved until its charge is booked.
        var price = CostModel.ClipPrice(provider, await BuildRequestAsync(held, withInput: false, ct).ConfigureAwait(false)) ?? 0m;
        using var admission = await budget.AdmitClipAsync(held.Job.OwnerId, price, ct).ConfigureAwait(false);
        if (admission.Refusal is { } overBudget)
        {
            LogOverBudget(logger, held.Job.JobId, segment.Index, overBudget.SpentUsd, overBudget.BudgetUsd, price);
            await FailAsync(held, overBudget.Stored ?? StoredText.Verbatim(overBudget.Message), ct).ConfigureAwait(false);
            return false;
        }

        try
        {
            var request = await BuildRequestAsync(held, withInput: true, ct).ConfigureAwait(false);

            // Never retried blindly: a submission may start a paid generation.
            providerJobId = await provider.SubmitAsync(request, ct).ConfigureAwait(false);
        }
        catch (ProviderException ex) when (ex.IsPermanent)
        {
            await FailAsync(held, ProviderException.StoredFor(ex), ct).ConfigureAwait(false);
            return false;
        }
        catch (Exception ex) when (IsTransient(ex) && !ct.IsCancellationRequested)
        {
            LogTransient(logger, ex, held.Job.JobId, segment.Index);
            var unavailable = ex is ProviderUnavailableException or Polly.CircuitBreaker.BrokenCircuitException;
            if (!unavailable && provider.Capabilities.FindsSubmissions && ex is not ProviderException { NothingStarted: true })
            {
                // The provider may have started it before its answer was lost: look it up before submitting anything again.
                var due = time.GetUtcNow() + RetryDelay(segment.ProviderAttempts);
                await held.WriteAsync(s => s.AwaitLookup(ProviderException.StoredFor(ex), due), ct).ConfigureAwait(false);
                return false;
            }

            await AttemptFailedAsync(held, provider, ProviderException.StoredFor(ex), unavailable, ct).ConfigureAwait(false);
            return false;
        }

        try
        {
            // Saved even when stopping: the provider has started (and may bill) this generation; losing its id would start it again.
            // The clip's reservation ends in the write that books its charge: the owner's other clips never see the price twice.
            await held.WriteAsync(s => Charge(held, s.Index, provider, () => s.MarkSubmitted(providerJobId, price), price), CancellationToken.None, alongside: admission.ReleaseWithinAsync).ConfigureAwait(false);
        }
        catch (LeaseLostException)
        {
            // Cancelled or taken over while the provider was being asked: nobody will poll this generation, so stop it.
            await CancelQuietlyAsync(provider, providerJobId).ConfigureAwait(false);
            throw;
        }

        return true;
    }

    /// <summary>Asks the provider once; true when the clip is ready to download.</summary>
    private async Task<bool> PollAsync(HeldSegment held, IVideoProvider provider, CancellationToken ct)
    {
        var segment = held.Segment;
        var providerJobId = segment.ProviderJobId!;
        ProviderJobStatus status;
        try
        {
            status = await pipelines.GetPipeline(ResiliencePipelines.ProviderRead)
                .ExecuteAsync(async token => await provider.GetStatusAsync(providerJobId, token).ConfigureAwait(false), ct)
                .ConfigureAwait(false);
        }
        catch (Exception ex) when (IsTransient(ex) && !ct.IsCancellationRequested)
        {
            // The provider could not be asked: keep its job id and ask again later.
            LogTransient(logger, ex, held.Job.JobId, segment.Index);
            await held.WriteAsync(s => s.Release(time.GetUtcNow() + PollDelay(s.Polls + 1)), ct, announce: false).ConfigureAwait(false);
            return false;
        }

        switch (status.State)
        {
            case ProviderJobState.Queued or ProviderJobState.Running:
                await held.WriteAsync(
                    s =>
                    {
                        s.ReportRendering(status.Progress, status.Detail);
                        s.Release(time.GetUtcNow() + NextPoll(provider, status, s.Polls));
                    },
                    ct).ConfigureAwait(false);
                return false;

            case ProviderJobState.Succeeded:
                await held.WriteAsync(s => s.BeginDownload(), ct).ConfigureAwait(false);
                return true;

            default:
                var error = status.ErrorText is { } ours ? ours : status.Error is { } words ? StoredText.Verbatim(words) : StoredText.Of("{0} reported a failure without a reason.", provider.DisplayName);
                if (provider.Capabilities.RefundsFailures && segment.OpenChargeUsd > 0)
                {
                    await held.WriteAsync(s => Refund(held, s, provider), ct, announce: false).ConfigureAwait(false);
                }

                if (status.IsPermanent)
                {
                    await FailAsync(held, error, ct).ConfigureAwait(false);
                }
                else
                {
                    await AttemptFailedAsync(held, provider, error, unavailable: false, ct).ConfigureAwait(false);
                }

                return false;
        }
    }

    private async Task DownloadAsync(HeldSegment held, IVideoProvider provider, CancellationToken ct)
    {
        var segment = held.Segment;
        var providerJobId = segment.ProviderJobId!;
        var temp = paths.NewTempFile(".mp4");
        try
        {
            try
            {
                await pipelines.GetPipeline(ResiliencePipelines.ProviderRead).ExecuteAsync(
                    async token =>
                    {
                        await using var file = new FileStream(temp, FileMode.Create, FileAccess.Write, FileShare.None, 81920, useAsync: true);
                        await provider.DownloadAsync(providerJobId, file, token).ConfigureAwait(false);
                    },
                    ct).ConfigureAwait(false);
            }
            catch (Exception ex) when ((IsTransient(ex) || ex is ProviderException) && !ct.IsCancellationRequested)
            {
                // The clip was paid for: fetch it again later, a few times, before concluding it is gone (expired or lost)
                // and making it again.
                LogTransient(logger, ex, held.Job.JobId, segment.Index);

                // A failure on this side (disk full, scratch folder gone) is never a reason to pay for the clip again.
                var ours = ex is IOException and not HttpIOException;
                if (!ours && (ex is ProviderException { IsPermanent: true } || segment.Polls + 1 >= options.Value.MaxAttemptsPerSegment + 2))
                {
                    await AttemptFailedAsync(held, provider, StoredText.Of("The finished clip could not be fetched: {0}", ProviderException.StoredFor(ex)), unavailable: false, ct).ConfigureAwait(false);
                    return;
                }

                await held.WriteAsync(s => s.DownloadFailed(ProviderException.StoredFor(ex), time.GetUtcNow() + RetryDelay(s.Polls + 1)), ct, announce: false).ConfigureAwait(false);
                return;
            }

            var key = FileKeys.Take(held.Job.JobId, segment.Index, segment.Take);
            await files.PromoteAsync(temp, key, ct).ConfigureAwait(false);
            await held.WriteAsync(s => s.Succeed(key, time.GetUtcNow()), ct).ConfigureAwait(false);
            await settler.SettleAsync(held.Job.JobId, ct).ConfigureAwait(false);
        }
        finally
        {
            File.Delete(temp);
        }
    }

    /// <summary>A transient failure: try again later at the same provider, hand over to the next one, or give up.</summary>
    private async Task AttemptFailedAsync(HeldSegment held, IVideoProvider provider, StoredText reason, bool unavailable, CancellationToken ct)
    {
        var segment = held.Segment;
        var spent = segment.ProviderAttempts >= options.Value.MaxAttemptsPerSegment;
        if (unavailable || spent)
        {
            if (held.Job.NextProviderAfter(segment.Provider) is { } next)
            {
                var why = unavailable
                    ? StoredText.Of("{0} is unavailable ({1}).", provider.DisplayName, reason)
                    : StoredText.Of("{0} failed {1} times (last: {2}).", provider.DisplayName, segment.ProviderAttempts, reason);
                LogHandOver(logger, held.Job.JobId, segment.Index, provider.Name, next);
                await held.WriteAsync(s => s.HandOver(next, why), ct).ConfigureAwait(false);
                return;
            }

            if (spent)
            {
                await FailAsync(held, StoredText.Of("Gave up after {0} attempts at {1}. Last error: {2}", segment.ProviderAttempts, provider.DisplayName, reason), ct).ConfigureAwait(false);
                return;
            }
        }

        var due = time.GetUtcNow() + RetryDelay(segment.ProviderAttempts);
        await held.WriteAsync(s => s.RetryLater(reason, 0, due), ct).ConfigureAwait(false);
    }

    private async Task FailAsync(HeldSegment held, StoredText reason, CancellationToken ct)
    {
        await held.WriteAsync(s => s.Fail(reason, time.GetUtcNow()), ct).ConfigureAwait(false);
        await settler.SettleAsync(held.Job.JobId, ct).ConfigureAwait(false);
    }

    /// <summary>Applies a submission and returns its ledger line (none for a free provider).</summary>
    private CostEntry? Charge(HeldSegment held, int index, IVideoProvider provider, Action submit, decimal price)
    {
        submit();
        return price > 0
            ? CostEntry.Now(time, held.Job.OwnerId, held.Job.JobId, index, provider.Name, CostKind.Clip, price)
            : null;
    }

    /// <summary>Gives back the running generation's charge (its provider refunds failures) and returns the ledger line.</summary>
    private CostEntry? Refund(HeldSegment held, Segment segment, IVideoProvider provider)
    {
        var refund = segment.Refund();
        return refund > 0
            ? CostEntry.Now(time, held.Job.OwnerId, held.Job.JobId, segment.Index, provider.Name, CostKind.Refund, -refund)
            : null;
    }

    private async Task<GenerationRequest> BuildRequestAsync(HeldSegment held, bool withInput, CancellationToken ct)
    {
        var segment = held.Segment;
        GenerationInput? input = null;
        if (withInput && segment.AssetId is { } assetId)
        {
            await using var db = await dbFactory.CreateDbContextAsync(ct).ConfigureAwait(false);
            var asset = await db.Assets.AsNoTracking().FirstOrDefaultAsync(a => a.Id == assetId, ct).ConfigureAwait(false)
                ?? throw new ProviderException(StoredText.Of("Segment {0}'s asset was deleted.", segment.Index + 1), isPermanent: true);
            input = new GenerationInput(asset.Id, asset.StoredFile, asset.Kind, asset.ContentType);
        }

        return new GenerationRequest(segment.Id, segment.Prompt, held.Job.StylePrompt, segment.Mode, held.Job.AspectRatio, TimeSpan.FromSeconds(segment.Seconds), input)
        {
            SegmentIndex = segment.Index,
            Reference = segment.SubmissionReference,
        };
    }

    /// <summary>When to ask again: the growing poll delay, but never sooner than the provider asks (per call or always).</summary>
    private TimeSpan NextPoll(IVideoProvider provider, ProviderJobStatus status, int polls)
    {
        var wait = PollDelay(polls);
        if (status.PollAfter is { } asked && asked > wait)
        {
            wait = asked;
        }

        return wait < provider.Capabilities.MinPollInterval ? provider.Capabilities.MinPollInterval : wait;
    }

    private TimeSpan PollDelay(int polls) => Grow(options.Value.StatusPoll, 2, polls - 1);

    private TimeSpan RetryDelay(int attempts) => Grow(options.Value.RetryDelay, 4, attempts - 1);

    private TimeSpan Grow(TimeSpan first, int factor, int times)
    {
        var delay = first.Ticks * Math.Pow(factor, Math.Clamp(times, 0, 20));
        return TimeSpan.FromTicks((long)Math.Min(delay, options.Value.MaxStatusPoll.Ticks));
    }

    private async Task KeepLeaseAsync(HeldSegment held, CancellationTokenSource step)
    {
        var lease = options.Value.Lease;
        try
        {
            while (true)
            {
                await Task.Delay(lease / 3, time, step.Token).ConfigureAwait(false);
                try
                {
                    await held.WriteAsync(s => s.RenewLease(time.GetUtcNow(), lease), step.Token, announce: false).ConfigureAwait(false);
                }
                catch (LeaseLostException)
                {
                    await step.CancelAsync().ConfigureAwait(false);
                    return;
                }
                catch (Exception ex) when (ex is not OperationCanceledException)
                {
                    // A busy database: keep working; the lease has two more chances to be renewed.
                    LogRenewFailed(logger, ex, held.Job.JobId);
                }
            }
        }
        catch (OperationCanceledException)
        {
            // The step is over.
        }
    }

    private async Task TryWriteAsync(HeldSegment held, Action<Segment> change)
    {
        try
        {
            await held.WriteAsync(change, CancellationToken.None, announce: false).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is LeaseLostException or DbUpdateException or InvalidOperationException)
        {
            LogLost(logger, held.Job.JobId, held.Segment.Index);
        }
    }

    private async Task CancelQuietlyAsync(IVideoProvider provider, string providerJobId)
    {
        try
        {
            await provider.CancelAsync(providerJobId, CancellationToken.None).ConfigureAwait(false);
        }
        catch (Exception ex) when (IsTransient(ex) || ex is ProviderException or NotSupportedException)
        {
            LogCancelFailed(logger, ex, provider.Name, providerJobId);
        }
    }

    [LoggerMessage(LogLevel.Warning, "Job {JobId} segment {Index}: transient provider failure, will try again")]
    private static partial void LogTransient(ILogger logger, Exception exception, Guid jobId, int index);

    [LoggerMessage(LogLevel.Information, "Job {JobId} segment {Index}: the interrupted submission was found at the provider as {ProviderJobId}")]
    private static partial void LogRecovered(ILogger logger, Guid jobId, int index, string providerJobId);

    [LoggerMessage(LogLevel.Warning, "Job {JobId} segment {Index}: {Provider} handed over to {Next}")]
    private static partial void LogHandOver(ILogger logger, Guid jobId, int index, string provider, string next);

    [LoggerMessage(LogLevel.Information, "Job {JobId} segment {Index}: changed by someone else; this worker stops")]
    private static partial void LogLost(ILogger logger, Guid jobId, int index);

    [LoggerMessage(LogLevel.Warning, "Job {JobId}: could not renew a segment lease; will try again")]
    private static partial void LogRenewFailed(ILogger logger, Exception exception, Guid jobId);

    [LoggerMessage(LogLevel.Warning, "Job {JobId} segment {Index}: not submitted, over the owner's monthly budget (spent {SpentUsd} of {BudgetUsd}, clip {PriceUsd})")]
    private static partial void LogOverBudget(ILogger logger, Guid jobId, int index, decimal spentUsd, decimal budgetUsd, decimal priceUsd);

    [LoggerMessage(LogLevel.Warning, "Could not cancel {Provider} generation {ProviderJobId}")]
    private static partial void LogCancelFailed(ILogger logger, Exception exception, string provider, string providerJobId);
}
