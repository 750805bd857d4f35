using Studio.Core.Events;

namespace Studio.App.Components.Shared;

/// <summary>
/// A page's live link to job events: one subscription whose events only mark the view stale, and a
/// <see cref="CoalescingRefresher"/> that re-reads at most ten times a second. Listening starts with a catch-up
/// refresh, covering whatever changed between the page's first read and the subscription. While listening it also
/// re-reads every <see cref="CatchUpInterval"/>: events that travel between nodes (Redis) can be lost in an outage,
/// and a page must not show a finished job as running until the next event that may never come.
/// </summary>
internal sealed class LiveFeed(Func<CancellationToken, Task> refresh, Action<Exception> onError, TimeProvider time) : IAsyncDisposable
{
    /// <summary>How often a listening page re-reads without an event.</summary>
    public static readonly TimeSpan CatchUpInterval = TimeSpan.FromSeconds(30);

    private readonly CoalescingRefresher _refresher = new(refresh, onError, time);
    private IDisposable? _subscription;
    private ITimer? _catchUp;

    /// <summary>True while subscribed.</summary>
    public bool IsListening => _subscription is not null;

    /// <summary>Subscribes through <paramref name="subscribe"/> (once) and asks for a catch-up refresh.</summary>
    public void Listen(Func<Func<JobChanged, ValueTask>, IDisposable> subscribe)
    {
        if (_subscription is not null)
        {
            return;
        }

        _subscription = subscribe(_ =>
        {
            _refresher.MarkDirty();
            return ValueTask.CompletedTask;
        });
        _refresher.MarkDirty();
        _catchUp = time.CreateTimer(_ => _refresher.MarkDirty(), null, CatchUpInterval, CatchUpInterval);
    }

    /// <summary>Unsubscribes; a refresh already under way still completes.</summary>
    public void Stop()
    {
        _subscription?.Dispose();
        _subscription = null;
        _catchUp?.Dispose();
        _catchUp = null;
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        Stop();
        await _refresher.DisposeAsync();
    }
}
