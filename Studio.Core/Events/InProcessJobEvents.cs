using System.Collections.Immutable;
using Microsoft.Extensions.Logging;

namespace Studio.Core.Events;

/// <summary>The job event stream inside one process (a later issue carries it over Redis).</summary>
public sealed partial class InProcessJobEvents(ILogger<InProcessJobEvents> logger) : IJobEvents
{
    private readonly Lock _gate = new();

    // Copy-on-write: publishers read a snapshot without locking; subscribe and unsubscribe swap it.
    private ImmutableDictionary<string, ImmutableDictionary<Guid, Func<JobChanged, ValueTask>>> _topics =
        ImmutableDictionary<string, ImmutableDictionary<Guid, Func<JobChanged, ValueTask>>>.Empty;

    /// <summary>How many subscriptions are open, over all topics (for leak checks).</summary>
    public int SubscriptionCount => Volatile.Read(ref _topics).Values.Sum(t => t.Count);

    /// <inheritdoc />
    public async ValueTask PublishAsync(JobChanged change, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(change);
        await DeliverAsync(JobTopic(change.JobId), change).ConfigureAwait(false);
        await DeliverAsync(OwnerTopic(change.OwnerId), change).ConfigureAwait(false);
    }

    /// <inheritdoc />
    public IDisposable SubscribeToJob(Guid jobId, Func<JobChanged, ValueTask> handler) => Subscribe(JobTopic(jobId), handler);

    /// <inheritdoc />
    public IDisposable SubscribeToOwner(string ownerId, Func<JobChanged, ValueTask> handler) => Subscribe(OwnerTopic(ownerId), handler);

    private static string JobTopic(Guid jobId) => $"job:{jobId:N}";

    private static string OwnerTopic(string ownerId) => $"owner:{ownerId}";

    private Subscription Subscribe(string topic, Func<JobChanged, ValueTask> handler)
    {
        ArgumentNullException.ThrowIfNull(handler);
        var id = Guid.NewGuid();
        lock (_gate)
        {
            var handlers = _topics.GetValueOrDefault(topic) ?? ImmutableDictionary<Guid, Func<JobChanged, ValueTask>>.Empty;
            Volatile.Write(ref _topics, _topics.SetItem(topic, handlers.Add(id, handler)));
        }

        return new Subscription(this, topic, id);
    }

    private void Unsubscribe(string topic, Guid id)
    {
        lock (_gate)
        {
            if (!Volatile.Read(ref _topics).TryGetValue(topic, out var handlers))
            {
                return;
            }

            handlers = handlers.Remove(id);

            // An empty topic is dropped, so that thousands of opened and closed pages leave nothing behind.
            Volatile.Write(ref _topics, handlers.IsEmpty ? _topics.Remove(topic) : _topics.SetItem(topic, handlers));
        }
    }

    private async ValueTask DeliverAsync(string topic, JobChanged change)
    {
        if (!Volatile.Read(ref _topics).TryGetValue(topic, out var handlers))
        {
            return;
        }

        foreach (var handler in handlers.Values)
        {
            try
            {
                await handler(change).ConfigureAwait(false);
            }
#pragma warning disable CA1031 // One failing subscriber must not stop the others or the publisher.
            catch (Exception ex)
#pragma warning restore CA1031
            {
                LogHandlerFailed(logger, ex, change.JobId);
            }
        }
    }

    [LoggerMessage(LogLevel.Warning, "A subscriber of job {JobId} failed")]
    private static partial void LogHandlerFailed(ILogger logger, Exception exception, Guid jobId);

    private sealed class Subscription(InProcessJobEvents owner, string topic, Guid id) : IDisposable
    {
        private int _disposed;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _disposed, 1) == 0)
            {
                owner.Unsubscribe(topic, id);
            }
        }
    }
}
