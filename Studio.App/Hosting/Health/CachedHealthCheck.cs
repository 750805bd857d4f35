using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Studio.App.Hosting.Health;

/// <summary>
/// A check whose probe costs real work (a process started, a file written): its answer is kept for
/// <see cref="KeepFor"/> and concurrent callers share one probe, so the anonymous <c>/health/ready</c> cannot be used to
/// make the process spawn FFmpeg or write files at the caller's rate. Registered as a singleton.
/// </summary>
internal abstract class CachedHealthCheck(TimeProvider time) : IHealthCheck, IDisposable
{
    /// <summary>How long an answer is reused. Short beside a load balancer's or orchestrator's probe interval.</summary>
    public static readonly TimeSpan KeepFor = TimeSpan.FromSeconds(5);

    private readonly SemaphoreSlim _gate = new(1, 1);
    private (HealthCheckResult Result, DateTimeOffset At)? _last;

    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(context);
        await _gate.WaitAsync(cancellationToken);
        try
        {
            if (_last is { } last && time.GetUtcNow() - last.At < KeepFor)
            {
                return last.Result;
            }

            HealthCheckResult result;
            try
            {
                result = await ProbeAsync(cancellationToken);
            }
            catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
            {
                // The details (paths, hosts) go to the log with the exception, not to an anonymous caller.
                result = new HealthCheckResult(context.Registration.FailureStatus, FailureDescription, ex);
            }

            _last = (result, time.GetUtcNow());
            return result;
        }
        finally
        {
            _gate.Release();
        }
    }

    public void Dispose() => _gate.Dispose();

    /// <summary>What a caller reads when the probe throws.</summary>
    protected abstract string FailureDescription { get; }

    /// <summary>Runs the probe; throws when the thing probed does not work.</summary>
    protected abstract Task<HealthCheckResult> ProbeAsync(CancellationToken ct);
}
