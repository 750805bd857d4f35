using Microsoft.Extensions.Options;
using Studio.Core.Orchestration;

namespace Studio.App.Workers;

/// <summary>
/// The hosted loop that claims queued jobs and hands them to the job runner, up to
/// <see cref="WorkerOptions.MaxConcurrentJobs"/> at once. All state lives in the database; this loop holds none that matters.
/// </summary>
internal sealed partial class GenerationWorker(
    JobQueue queue,
    JobRunner runner,
    JobQueueSignal signal,
    IOptions<WorkerOptions> options,
    ILogger<GenerationWorker> logger) : BackgroundService
{
    private readonly string _workerId = $"{Environment.MachineName[..Math.Min(40, Environment.MachineName.Length)]}/{Environment.ProcessId}/{Guid.NewGuid():N}";

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var running = new Dictionary<Guid, Task>();
        LogStarted(logger, _workerId);
        try
        {
            while (!stoppingToken.IsCancellationRequested)
            {
                foreach (var done in running.Where(r => r.Value.IsCompleted).Select(r => r.Key).ToList())
                {
                    running.Remove(done);
                }

                while (running.Count < options.Value.MaxConcurrentJobs)
                {
                    var jobId = await ClaimAsync(running.Keys, stoppingToken);
                    if (jobId is not { } id)
                    {
                        break;
                    }

                    running[id] = RunAsync(id, stoppingToken);
                }

                await signal.WaitAsync(options.Value.IdlePoll, stoppingToken);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Stopping: the runners give their jobs back.
        }

        await Task.WhenAll(running.Values);
    }

    private async Task<Guid?> ClaimAsync(IReadOnlyCollection<Guid> exclude, CancellationToken ct)
    {
        try
        {
            return await queue.TryClaimAsync(_workerId, exclude, ct);
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
            throw;
        }
#pragma warning disable CA1031 // The worker must outlive a failed claim (database busy, disk full…); it tries again at the next poll.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            LogClaimFailed(logger, ex);
            return null;
        }
    }

    private async Task RunAsync(Guid jobId, CancellationToken ct)
    {
        try
        {
            await Task.Yield();
            await runner.RunAsync(jobId, _workerId, ct);
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
            // Stopping.
        }
#pragma warning disable CA1031 // The runner handles job failures; whatever still escapes is logged, and the job's lease lets it be taken up again.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            LogRunFailed(logger, ex, jobId);
        }
        finally
        {
            // A slot is free: look for more work now rather than at the next poll.
            signal.Notify();
        }
    }

    [LoggerMessage(LogLevel.Information, "Generation worker {WorkerId} started")]
    private static partial void LogStarted(ILogger logger, string workerId);

    [LoggerMessage(LogLevel.Error, "Working on job {JobId} failed; it will be taken up again when its lease runs out")]
    private static partial void LogRunFailed(ILogger logger, Exception exception, Guid jobId);

    [LoggerMessage(LogLevel.Warning, "Could not claim a job; will try again")]
    private static partial void LogClaimFailed(ILogger logger, Exception exception);
}
