using Studio.Core.Events;
using Studio.Core.Jobs;

namespace Studio.Tests.Core.Redis;

/// <summary>
/// Job events between two nodes (two DI containers) sharing a real redis-server on loopback. Redis hands a
/// channel's messages to each subscriber in publish order, so "the next message arrived" proves an earlier one was
/// delivered or dropped: no test waits for something not to happen.
/// </summary>
public sealed class RedisJobEventsTests(RedisServer server) : IClassFixture<RedisServer>, IAsyncLifetime
{
    private readonly string _prefix = RedisServer.NewPrefix();
    private RedisNode _a = null!;
    private RedisNode _b = null!;

    public async Task InitializeAsync()
    {
        _a = await RedisNode.StartAsync(server.Connection, _prefix);
        _b = await RedisNode.StartAsync(server.Connection, _prefix);
    }

    public async Task DisposeAsync()
    {
        await _a.DisposeAsync();
        await _b.DisposeAsync();
    }

    [Fact]
    public void Registration_RedisConfigured_IsTheRedisImplementation() => _a.Events.Should().BeOfType<RedisJobEvents>();

    [Fact]
    public async Task Publish_OnOneNode_ReachesJobAndOwnerSubscribersOnTheOther()
    {
        var jobId = Guid.NewGuid();
        var byJob = new JobChangeInbox();
        var byOwner = new JobChangeInbox();
        using var job = _b.Events.SubscribeToJob(jobId, byJob.Add);
        using var owner = _b.Events.SubscribeToOwner("owner-1", byOwner.Add);

        var change = new JobChanged(jobId, "owner-1", JobStatus.Running, 2, DateTimeOffset.UtcNow);
        await _a.Events.PublishAsync(change, CancellationToken.None);

        (await byJob.WaitForAsync(1)).Should().Equal(change);
        (await byOwner.WaitForAsync(1)).Should().Equal(change);
    }

    [Fact]
    public async Task Publish_LocalSubscriber_GetsItOnceNotAgainFromRedis()
    {
        var jobId = Guid.NewGuid();
        var local = new JobChangeInbox();
        using var subscription = _a.Events.SubscribeToJob(jobId, local.Add);
        var mine = new JobChanged(jobId, "owner-1", JobStatus.Running, 0, DateTimeOffset.UtcNow);
        var theirs = mine with { SegmentIndex = 1 };

        await _a.Events.PublishAsync(mine, CancellationToken.None);
        local.Received.Should().Equal([mine], "a local subscriber hears a change at once, without Redis");

        // B's change reaches A after A's own message came back from Redis (one channel, in order): had A delivered
        // its echo, it would sit between the two.
        await _b.Events.PublishAsync(theirs, CancellationToken.None);
        (await local.WaitForAsync(2)).Should().Equal(mine, theirs);
    }

    [Fact]
    public async Task Unsubscribe_StopsDeliveryFromOtherNodes()
    {
        var jobId = Guid.NewGuid();
        var gone = new JobChangeInbox();
        var staying = new JobChangeInbox();
        var subscription = _b.Events.SubscribeToJob(jobId, gone.Add);
        using var other = _b.Events.SubscribeToOwner("owner-2", staying.Add);
        subscription.Dispose();

        await _a.Events.PublishAsync(new JobChanged(jobId, "owner-1", JobStatus.Running, 0, DateTimeOffset.UtcNow), CancellationToken.None);
        await _a.Events.PublishAsync(new JobChanged(Guid.NewGuid(), "owner-2", JobStatus.Running, 0, DateTimeOffset.UtcNow), CancellationToken.None);

        await staying.WaitForAsync(1);
        gone.Received.Should().BeEmpty();
        ((RedisJobEvents)_b.Events).SubscriptionCount.Should().Be(1);
    }
}
