using Microsoft.Extensions.Time.Testing;
using Studio.App.Components.Shared;
using Studio.Core.Events;

namespace Studio.Tests.Components;

/// <summary>
/// A listening page re-reads on its own now and then: an event lost between nodes (a Redis outage) must not leave a
/// finished job shown as running. Stopping ends those re-reads.
/// </summary>
public sealed class LiveFeedTests
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(5);

    private readonly FakeTimeProvider _time = new();
    private readonly SemaphoreSlim _refreshed = new(0);

    [Fact]
    public async Task Listen_NoEventsForTheCatchUpInterval_ReadsAgain()
    {
        await using var feed = Create();
        feed.Listen(_ => new Subscription());
        (await _refreshed.WaitAsync(Patience)).Should().BeTrue("listening starts with a catch-up read");

        _time.Advance(LiveFeed.CatchUpInterval - TimeSpan.FromSeconds(1));
        (await _refreshed.WaitAsync(TimeSpan.FromMilliseconds(200))).Should().BeFalse("no event and the interval has not passed");

        _time.Advance(TimeSpan.FromSeconds(1));
        (await _refreshed.WaitAsync(Patience)).Should().BeTrue("the interval passed without an event");
    }

    [Fact]
    public async Task Stop_ThenTheIntervalPasses_DoesNotReadAgain()
    {
        var subscription = new Subscription();
        await using var feed = Create();
        feed.Listen(_ => subscription);
        (await _refreshed.WaitAsync(Patience)).Should().BeTrue();

        feed.Stop();
        _time.Advance(LiveFeed.CatchUpInterval * 3);

        (await _refreshed.WaitAsync(TimeSpan.FromMilliseconds(300))).Should().BeFalse();
        subscription.Disposed.Should().BeTrue();
    }

    private LiveFeed Create() => new(
        _ =>
        {
            _refreshed.Release();
            return Task.CompletedTask;
        },
        _ => { },
        _time);

    private sealed class Subscription : IDisposable
    {
        public bool Disposed { get; private set; }

        public void Dispose() => Disposed = true;
    }
}
