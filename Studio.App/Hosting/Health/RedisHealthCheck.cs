using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Studio.App.Hosting.Health;

/// <summary>
/// Redis answers, when <c>Studio:Redis:Connection</c> is set: the registered StackExchange.Redis
/// <c>IConnectionMultiplexer</c> says it is connected. Found by name, so that this host needs no Redis package of its
/// own; registered only when nothing else registered a check named <see cref="Name"/> (the Redis events may bring theirs).
/// </summary>
internal sealed class RedisHealthCheck(IServiceProvider services) : IHealthCheck
{
    public const string Name = "redis";
    public const string ConnectionKey = "Studio:Redis:Connection";
    private const string MultiplexerType = "StackExchange.Redis.IConnectionMultiplexer, StackExchange.Redis";

    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(context);
        var type = Type.GetType(MultiplexerType, throwOnError: false);
        var multiplexer = type is null ? null : services.GetService(type);
        if (multiplexer is null)
        {
            return Task.FromResult(new HealthCheckResult(context.Registration.FailureStatus, $"{ConnectionKey} is set, but this process has no Redis connection."));
        }

        var connected = type!.GetProperty("IsConnected")?.GetValue(multiplexer) is true;
        return Task.FromResult(connected
            ? HealthCheckResult.Healthy("Redis answers.")
            : new HealthCheckResult(context.Registration.FailureStatus, "Redis does not answer."));
    }
}
