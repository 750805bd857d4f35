using Microsoft.Extensions.Diagnostics.HealthChecks;
using StackExchange.Redis;
using Studio.Core.Redis;

namespace Studio.App.Hosting.Health;

/// <summary>
/// Redis answers a ping, when <c>Studio:Redis:Connection</c> is set (the only case in which it is registered).
/// </summary>
internal sealed class RedisHealthCheck(RedisConnection redis) : IHealthCheck
{
    public const string Name = "redis";

    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (!redis.Multiplexer.IsConnected)
        {
            return new HealthCheckResult(context.Registration.FailureStatus, "Redis does not answer.");
        }

        try
        {
            await redis.Database.PingAsync().WaitAsync(cancellationToken).ConfigureAwait(false);
            return HealthCheckResult.Healthy("Redis answers.");
        }
        catch (Exception ex) when (ex is RedisException or TimeoutException)
        {
            return new HealthCheckResult(context.Registration.FailureStatus, "Redis does not answer.", ex);
        }
    }
}
