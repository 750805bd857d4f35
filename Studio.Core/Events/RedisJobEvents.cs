using System.Text.Json;
using Microsoft.Extensions.Logging;
using StackExchange.Redis;
using Studio.Core.Redis;

namespace Studio.Core.Events;

/// <summary>
/// Job events shared by every process on one Redis: a change published here reaches this process's subscribers
/// at once (in memory) and every other process through one pub/sub channel, <c>{prefix}:job-events</c>, where each
/// process routes it to its own job and owner subscribers. A process skips its own messages when they come back,
/// so a local subscriber gets each change exactly once. While Redis is away, publishing logs and carries on: the
/// change is committed already, local subscribers still get it, other processes miss it (their pages re-read the
/// job on the next change they do get, or at their periodic catch-up read). The multiplexer reconnects and restores the subscription on its own.
/// </summary>
public sealed partial class RedisJobEvents : IJobEvents
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    private readonly InProcessJobEvents _local;
    private readonly RedisConnection _redis;
    private readonly RedisChannel _channel;
    private readonly ILogger<RedisJobEvents> _logger;

    // Tells this process's messages apart when Redis hands them back.
    private readonly string _origin = Guid.NewGuid().ToString("N");

    /// <summary>Subscribes this process to the shared channel (restored by the multiplexer after every reconnect).</summary>
    public RedisJobEvents(RedisConnection redis, ILoggerFactory loggers)
    {
        ArgumentNullException.ThrowIfNull(redis);
        ArgumentNullException.ThrowIfNull(loggers);
        _redis = redis;
        _logger = loggers.CreateLogger<RedisJobEvents>();
        _local = new InProcessJobEvents(loggers.CreateLogger<InProcessJobEvents>());
        _channel = RedisChannel.Literal($"{redis.Prefix}:job-events");

        // Fire and forget: the subscription is recorded even when Redis is down at start, and sent when it is back.
        // One ordered queue, so a job's changes reach its subscribers in the order they were published.
        redis.Multiplexer.GetSubscriber().Subscribe(_channel, CommandFlags.FireAndForget).OnMessage(ReceiveAsync);
    }

    /// <summary>How many subscriptions of this process are open (for leak checks).</summary>
    public int SubscriptionCount => _local.SubscriptionCount;

    /// <inheritdoc />
    public async ValueTask PublishAsync(JobChanged change, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(change);
        await _local.PublishAsync(change, ct).ConfigureAwait(false);
        var multiplexer = _redis.Multiplexer;
        if (!multiplexer.IsConnected)
        {
            // Not even trying: a backlogged publish would hold the worker until the timeout, for nothing.
            LogSkipped(_logger, change.JobId);
            return;
        }

        try
        {
            var message = JsonSerializer.Serialize(new Envelope(_origin, change), Json);
            await multiplexer.GetSubscriber().PublishAsync(_channel, message).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is RedisException or TimeoutException)
        {
            LogPublishFailed(_logger, ex, change.JobId);
        }
    }

    /// <inheritdoc />
    public IDisposable SubscribeToJob(Guid jobId, Func<JobChanged, ValueTask> handler) => _local.SubscribeToJob(jobId, handler);

    /// <inheritdoc />
    public IDisposable SubscribeToOwner(string ownerId, Func<JobChanged, ValueTask> handler) => _local.SubscribeToOwner(ownerId, handler);

    private async Task ReceiveAsync(ChannelMessage message)
    {
        Envelope? envelope;
        try
        {
            envelope = JsonSerializer.Deserialize<Envelope>((string)message.Message!, Json);
        }
        catch (JsonException ex)
        {
            LogUnreadable(_logger, ex);
            return;
        }

        if (envelope?.Change is null || envelope.Origin == _origin)
        {
            return;
        }

        // The in-memory stream shields the queue from failing handlers (logged there).
        await _local.PublishAsync(envelope.Change, CancellationToken.None).ConfigureAwait(false);
    }

    [LoggerMessage(LogLevel.Debug, "Redis is not connected: job {JobId}'s change reached this process only")]
    private static partial void LogSkipped(ILogger logger, Guid jobId);

    [LoggerMessage(LogLevel.Warning, "Could not publish job {JobId}'s change to Redis: it reached this process only")]
    private static partial void LogPublishFailed(ILogger logger, Exception exception, Guid jobId);

    [LoggerMessage(LogLevel.Warning, "Skipped an unreadable job event from Redis")]
    private static partial void LogUnreadable(ILogger logger, Exception exception);

    private sealed record Envelope(string Origin, JobChanged Change);
}
