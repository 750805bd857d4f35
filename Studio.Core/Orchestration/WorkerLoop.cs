using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Studio.Core.Orchestration;

/// <summary>
/// The worker loop that takes work from the durable queue: segment steps (up to <see cref="WorkerOptions.MaxConcurrentSteps"/>
/// at once) and assemblies (up to <see cref="WorkerOptions.MaxConcurrentAssemblies"/>). A step never waits for a provider:
/// it gives the segment back with the time of its next poll, and this loop sleeps until the next item falls due or a
/// signal wakes it. All state lives in the database; this loop holds none that matters.
/// </summary>
public sealed partial class WorkerLoop(
    WorkQueue queue,
    SegmentStep steps,
    AssemblyRunner assemblies,
    JobSettler settler,
    JobQueueSignal signal,
    TimeProvider time,
    IOptions<WorkerOptions> options,
    ILogger<WorkerLoop> logger)
{
    /// <summary>A worker name unique to this process: machine, process id and a random part.</summary>
    public static string NewWorkerId() =>
        $"{Environment.MachineName[..Math.Min(40, Environment.MachineName.Length)]}/{Environment.ProcessId}/{Guid.NewGuid():N}";

    /// <summary>Works as <paramref name="workerId"/> until <paramref name="stoppingToken"/> is cancelled; items in hand are given back.</summary>
    public async Task RunAsync(string workerId, CancellationToken stoppingToken)
    {
        var running = new HashSet<Task>();
        var assembling = new Dictionary<Guid, Task>();
        var nextSweep = DateTimeOffset.MinValue;
        LogStarted(logger, workerId);
        try
        {
            while (!stoppingToken.IsCancellationRequested)
            {
                running.RemoveWhere(t => t.IsCompleted);
                foreach (var done in assembling.Where(a => a.Value.IsCompleted).Select(a => a.Key).ToList())
                {
                    assembling.Remove(done);
                }

                // Claims go in batches: when a quarter of the slots are free (or none is busy), not at every finished step.
                var free = options.Value.MaxConcurrentSteps - running.Count;
                IReadOnlyList<SegmentWork> claimed = free >= Math.Max(1, options.Value.MaxConcurrentSteps / 4) || running.Count == 0
                    ? await TryAsync(() => queue.ClaimSegmentsAsync(workerId, free, stoppingToken), [], stoppingToken).ConfigureAwait(false)
                    : [];
                foreach (var work in claimed)
                {
                    running.Add(RunAsync(() => steps.RunAsync(work, stoppingToken), stoppingToken));
                }

                while (options.Value.Assemble && assembling.Count < options.Value.MaxConcurrentAssemblies
                    && await TryAsync(() => queue.ClaimAssemblyAsync(workerId, assembling.Keys, stoppingToken), null, stoppingToken).ConfigureAwait(false) is { } jobId)
                {
                    assembling[jobId] = RunAsync(() => assemblies.RunAsync(jobId, workerId, stoppingToken), stoppingToken);
                }

                var now = time.GetUtcNow();
                if (now >= nextSweep)
                {
                    // Jobs whose last segment ended while its worker stopped: settle them now.
                    nextSweep = now + options.Value.IdlePoll;
                    foreach (var unsettled in await TryAsync(() => queue.FindUnsettledJobsAsync(stoppingToken), [], stoppingToken).ConfigureAwait(false))
                    {
                        await TryAsync(
                            async () =>
                            {
                                await settler.SettleAsync(unsettled, stoppingToken).ConfigureAwait(false);
                                return true;
                            },
                            false,
                            stoppingToken).ConfigureAwait(false);
                    }
                }

                if (claimed.Count > 0 && options.Value.MaxConcurrentSteps - running.Count >= Math.Max(1, options.Value.MaxConcurrentSteps / 4))
                {
                    // There may be more due work than one claim took: look again at once.
                    continue;
                }

                await signal.WaitAsync(await WaitTimeAsync(running.Count < options.Value.MaxConcurrentSteps, stoppingToken).ConfigureAwait(false), stoppingToken).ConfigureAwait(false);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Stopping: the steps give their segments back.
        }

        await Task.WhenAll(running.Concat(assembling.Values)).ConfigureAwait(false);
    }

    private async Task<TimeSpan> WaitTimeAsync(bool hasRoom, CancellationToken ct)
    {
        var idle = options.Value.IdlePoll;
        if (!hasRoom)
        {
            // Every slot is busy: a finishing step signals.
            return idle;
        }

        var due = await TryAsync(() => queue.NextDueAsync(ct), null, ct).ConfigureAwait(false);
        if (due is not { } next)
        {
            return idle;
        }

        var wait = next - time.GetUtcNow();
        return wait <= TimeSpan.Zero ? TimeSpan.FromMilliseconds(1) : wait < idle ? wait : idle;
    }

    private async Task<T> TryAsync<T>(Func<Task<T>> action, T fallback, CancellationToken ct)
    {
        try
        {
            return await action().ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
            throw;
        }
#pragma warning disable CA1031 // The worker must outlive a failing database (busy, disk full…); it tries again at the next round.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            LogQueueFailed(logger, ex);
            return fallback;
        }
    }

    private async Task RunAsync(Func<Task> work, CancellationToken ct)
    {
        try
        {
            await Task.Yield();
            await work().ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
            // Stopping.
        }
#pragma warning disable CA1031 // Whatever escapes a step is logged; the item's lease lets it be taken up again.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            LogRunFailed(logger, ex);
        }
        finally
        {
            // A slot is free: look for more work now rather than at the next poll.
            signal.Notify();
        }
    }

    [LoggerMessage(LogLevel.Information, "Worker {WorkerId} started")]
    private static partial void LogStarted(ILogger logger, string workerId);

    [LoggerMessage(LogLevel.Error, "A work item failed unexpectedly; it will be taken up again when its lease runs out")]
    private static partial void LogRunFailed(ILogger logger, Exception exception);

    [LoggerMessage(LogLevel.Warning, "The work queue could not be read; will try again")]
    private static partial void LogQueueFailed(ILogger logger, Exception exception);
}
