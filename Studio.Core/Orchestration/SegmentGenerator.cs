using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Polly;
using Polly.Registry;
using Studio.Core.Media;
using Studio.Core.Persistence;
using Studio.Core.Providers;
using Studio.Core.Segments;
using Studio.Core.Storage;

namespace Studio.Core.Orchestration;

/// <summary>
/// Drives one segment through its states: submit (id saved at once), poll with backoff, download, store.
/// Each step is written to the database before the next begins, so a restarted worker resumes where it stopped:
/// a segment with a saved provider job id is polled, never submitted again.
/// </summary>
public sealed partial class SegmentGenerator(
    IDbContextFactory<StudioDbContext> dbFactory,
    VideoProviderCatalog providers,
    IFileStore files,
    StudioPaths paths,
    ResiliencePipelineProvider<string> pipelines,
    TimeProvider time,
    IOptions<WorkerOptions> options,
    ILogger<SegmentGenerator> logger)
{
    /// <summary>Works on the segment until it succeeds or fails for good, calling <paramref name="changed"/> after every committed change.</summary>
    public async Task GenerateAsync(GenerationContext context, Guid segmentId, Func<Segment, CancellationToken, Task> changed, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(changed);
        var pollDelay = options.Value.StatusPoll;
        while (true)
        {
            ct.ThrowIfCancellationRequested();
            var segment = await LoadAsync(segmentId, ct).ConfigureAwait(false);
            if (segment.IsFinished)
            {
                return;
            }

            var provider = providers.Get(segment.Provider);
            switch (segment.Status)
            {
                case SegmentStatus.Pending:
                    if (segment.Attempts > 0 && segment.Attempts < options.Value.MaxAttemptsPerSegment)
                    {
                        // Back off before trying again after a failed attempt.
                        await Task.Delay(RetryDelay(segment.Attempts), time, ct).ConfigureAwait(false);
                    }

                    await SubmitAsync(context, segment, provider, changed, ct).ConfigureAwait(false);
                    pollDelay = options.Value.StatusPoll;
                    break;

                case SegmentStatus.Submitting:
                    // The process stopped between asking the provider and saving its answer. Whether a generation was
                    // started is unknown; the attempt is counted and the segment goes back to Pending.
                    await UpdateAsync(context, segmentId, s => s.RetryLater("The previous attempt was interrupted before the provider answered.", 0), changed, ct).ConfigureAwait(false);
                    break;

                case SegmentStatus.Submitted or SegmentStatus.Rendering:
                    if (await PollAsync(context, segment, provider, changed, ct).ConfigureAwait(false))
                    {
                        await Task.Delay(pollDelay, time, ct).ConfigureAwait(false);
                        pollDelay = TimeSpan.FromTicks(Math.Min(pollDelay.Ticks * 2, options.Value.MaxStatusPoll.Ticks));
                    }

                    break;

                case SegmentStatus.Downloading:
                    if (!await DownloadAsync(context, segment, provider, changed, ct).ConfigureAwait(false))
                    {
                        await Task.Delay(pollDelay, time, ct).ConfigureAwait(false);
                        pollDelay = TimeSpan.FromTicks(Math.Min(pollDelay.Ticks * 2, options.Value.MaxStatusPoll.Ticks));
                    }

                    break;
            }
        }
    }

    private static bool IsTransient(Exception ex, CancellationToken ct) =>
        !ct.IsCancellationRequested
        && ex is HttpRequestException or IOException or Polly.Timeout.TimeoutRejectedException or ProviderException { IsPermanent: false };

    private TimeSpan RetryDelay(int attempts) =>
        TimeSpan.FromTicks(Math.Min(options.Value.StatusPoll.Ticks * (1L << Math.Min(attempts * 2, 20)), options.Value.MaxStatusPoll.Ticks));

    private async Task SubmitAsync(GenerationContext context, Segment segment, IVideoProvider provider, Func<Segment, CancellationToken, Task> changed, CancellationToken ct)
    {
        if (segment.Attempts >= options.Value.MaxAttemptsPerSegment)
        {
            var reason = $"Gave up after {segment.Attempts} attempts. Last error: {segment.Error ?? "unknown"}";
            await UpdateAsync(context, segment.Id, s => s.Fail(reason, time.GetUtcNow()), changed, ct).ConfigureAwait(false);
            return;
        }

        var request = await BuildRequestAsync(context, segment, ct).ConfigureAwait(false);
        await UpdateAsync(context, segment.Id, s => s.BeginSubmit(time.GetUtcNow()), changed, ct).ConfigureAwait(false);
        string providerJobId;
        try
        {
            // No blind retry here: a submission may start a paid generation.
            providerJobId = await provider.SubmitAsync(request, ct).ConfigureAwait(false);
        }
        catch (ProviderException ex) when (ex.IsPermanent)
        {
            await UpdateAsync(context, segment.Id, s => s.Fail(ex.Message, time.GetUtcNow()), changed, ct).ConfigureAwait(false);
            return;
        }
        catch (Exception ex) when (ex is ProviderException or HttpRequestException or IOException or MediaProcessingException)
        {
            LogTransient(logger, ex, context.JobId, segment.Index);
            await UpdateAsync(context, segment.Id, s => s.RetryLater(ex.Message, 0), changed, ct).ConfigureAwait(false);
            return;
        }

        // Saved even when stopping: the provider has started (and may bill) this generation; losing its id would start it again.
        await UpdateAsync(context, segment.Id, s => s.MarkSubmitted(providerJobId), changed, CancellationToken.None).ConfigureAwait(false);
    }

    /// <summary>Asks the provider once; true when the generation is still going (wait, then poll again).</summary>
    private async Task<bool> PollAsync(GenerationContext context, Segment segment, IVideoProvider provider, Func<Segment, CancellationToken, Task> changed, CancellationToken ct)
    {
        var providerJobId = segment.ProviderJobId!;
        ProviderJobStatus status;
        try
        {
            status = await pipelines.GetPipeline(ResiliencePipelines.ProviderRead)
                .ExecuteAsync(async token => await provider.GetStatusAsync(providerJobId, token).ConfigureAwait(false), ct)
                .ConfigureAwait(false);
        }
        catch (Exception ex) when (IsTransient(ex, ct))
        {
            // The provider could not be asked even after retries: keep its job id and ask again later.
            LogTransient(logger, ex, context.JobId, segment.Index);
            return true;
        }

        switch (status.State)
        {
            case ProviderJobState.Queued or ProviderJobState.Running:
                if (segment.Status != SegmentStatus.Rendering || Math.Abs(status.Progress - segment.Progress) >= 0.01)
                {
                    await UpdateAsync(context, segment.Id, s => s.ReportRendering(status.Progress), changed, ct).ConfigureAwait(false);
                }

                return true;

            case ProviderJobState.Succeeded:
                await UpdateAsync(context, segment.Id, s => s.BeginDownload(), changed, ct).ConfigureAwait(false);
                return false;

            default:
                var error = status.Error ?? $"{provider.DisplayName} reported a failure without a reason.";
                await UpdateAsync(
                    context,
                    segment.Id,
                    s =>
                    {
                        if (status.IsPermanent)
                        {
                            s.Fail(error, time.GetUtcNow());
                        }
                        else
                        {
                            s.RetryLater(error, 0);
                        }
                    },
                    changed,
                    ct).ConfigureAwait(false);
                return false;
        }
    }

    /// <summary>Fetches and stores the clip; false when the provider could not be reached (try again later).</summary>
    private async Task<bool> DownloadAsync(GenerationContext context, Segment segment, IVideoProvider provider, Func<Segment, CancellationToken, Task> changed, CancellationToken ct)
    {
        var providerJobId = segment.ProviderJobId!;
        var temp = paths.NewTempFile(".mp4");
        try
        {
            await pipelines.GetPipeline(ResiliencePipelines.ProviderRead).ExecuteAsync(
                async token =>
                {
                    await using var file = new FileStream(temp, FileMode.Create, FileAccess.Write, FileShare.None, 81920, useAsync: true);
                    await provider.DownloadAsync(providerJobId, file, token).ConfigureAwait(false);
                },
                ct).ConfigureAwait(false);

            var key = FileKeys.Take(context.JobId, segment.Index, segment.Attempts);
            await files.PromoteAsync(temp, key, ct).ConfigureAwait(false);
            var request = await BuildRequestAsync(context, segment, ct).ConfigureAwait(false);
            var cost = provider.EstimatePriceUsd(request);
            await UpdateAsync(context, segment.Id, s => s.Succeed(key, cost, time.GetUtcNow()), changed, ct).ConfigureAwait(false);
            return true;
        }
        catch (ProviderException ex) when (!ct.IsCancellationRequested)
        {
            // The provider says the result is gone (expired or lost): the generation must be made again.
            LogTransient(logger, ex, context.JobId, segment.Index);
            await UpdateAsync(context, segment.Id, s => s.RetryLater(ex.Message, 0), changed, ct).ConfigureAwait(false);
            return true;
        }
        catch (Exception ex) when (IsTransient(ex, ct))
        {
            // The provider could not be reached even after retries: the result is still there; fetch it later.
            LogTransient(logger, ex, context.JobId, segment.Index);
            return false;
        }
        finally
        {
            File.Delete(temp);
        }
    }

    private async Task<GenerationRequest> BuildRequestAsync(GenerationContext context, Segment segment, CancellationToken ct)
    {
        GenerationInput? input = null;
        if (segment.AssetId is { } assetId)
        {
            await using var db = await dbFactory.CreateDbContextAsync(ct).ConfigureAwait(false);
            var asset = await db.Assets.AsNoTracking().FirstOrDefaultAsync(a => a.Id == assetId, ct).ConfigureAwait(false)
                ?? throw new InvalidOperationException($"Segment {segment.Index + 1}'s asset was deleted.");
            input = new GenerationInput(asset.StoredFile, asset.Kind, asset.ContentType);
        }

        return new GenerationRequest(segment.Id, segment.Prompt, context.StylePrompt, segment.Mode, context.AspectRatio, TimeSpan.FromSeconds(segment.Seconds), input)
        {
            SegmentIndex = segment.Index,
        };
    }

    private async Task<Segment> LoadAsync(Guid segmentId, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct).ConfigureAwait(false);
        return await db.Segments.AsNoTracking().FirstAsync(s => s.Id == segmentId, ct).ConfigureAwait(false);
    }

    /// <summary>Applies a change to the segment, only while this worker still holds the job (checked in the same transaction).</summary>
    private async Task UpdateAsync(GenerationContext context, Guid segmentId, Action<Segment> change, Func<Segment, CancellationToken, Task> changed, CancellationToken ct)
    {
        Segment segment;
        await using (var db = await dbFactory.CreateDbContextAsync(ct).ConfigureAwait(false))
        {
            await using var transaction = await db.Database.BeginTransactionAsync(ct).ConfigureAwait(false);
            if (!await db.Jobs.AnyAsync(j => j.Id == context.JobId && j.LeaseOwner == context.Worker, ct).ConfigureAwait(false))
            {
                throw new LeaseLostException($"Worker {context.Worker} no longer holds job {context.JobId}.");
            }

            segment = await db.Segments.FirstAsync(s => s.Id == segmentId, ct).ConfigureAwait(false);
            change(segment);
            await db.SaveChangesAsync(ct).ConfigureAwait(false);
            await transaction.CommitAsync(ct).ConfigureAwait(false);
        }

        await changed(segment, ct).ConfigureAwait(false);
    }

    [LoggerMessage(LogLevel.Warning, "Job {JobId} segment {Index}: transient provider failure, will try again")]
    private static partial void LogTransient(ILogger logger, Exception exception, Guid jobId, int index);
}
