using StackExchange.Redis;
using Studio.Core.Events;
using Studio.Core.Jobs;

namespace Studio.Tests.Core.Redis;

/// <summary>
/// Redis goes away under two nodes and comes back (a server of this test's own, killed as a crash would): a
/// worker's publish neither throws nor hangs meanwhile, local subscribers still hear it, and once the multiplexers
/// reconnect the other node hears changes again without anyone subscribing anew; nodes started while Redis is
/// down join it when it comes up.
/// </summary>
public sealed class RedisOutageTests : IAsyncLifetime
{
    private readonly RedisServer _server = new();
    private readonly string _prefix = RedisServer.NewPrefix();
    private RedisNode _a = null!;
    private RedisNode _b = null!;

    public async Task InitializeAsync()
    {
        await _server.StartAsync();
        _a = await RedisNode.StartAsync(_server.Connection, _prefix);
        _b = await RedisNode.StartAsync(_server.Connection, _prefix);
    }

    public async Task DisposeAsync()
    {
        await _a.DisposeAsync();
        await _b.DisposeAsync();
        _server.Dispose();
    }

    [Fact]
    public async Task Publish_RedisDownThenBack_DoesNotThrowAndDeliveryResumes()
    {
        var jobId = Guid.NewGuid();
        var local = new JobChangeInbox();
        var remote = new JobChangeInbox();
        using var onA = _a.Events.SubscribeToJob(jobId, local.Add);
        using var onB = _b.Events.SubscribeToJob(jobId, remote.Add);
        var restoredA = Restored(_a.Redis.Multiplexer);
        var restoredB = Restored(_b.Redis.Multiplexer);

        _server.Stop();
        var during = new JobChanged(jobId, "owner-1", JobStatus.Running, 0, DateTimeOffset.UtcNow);
        var publish = async () => await _a.Events.PublishAsync(during, CancellationToken.None);

        await publish.Should().NotThrowAsync().WaitAsync(TimeSpan.FromSeconds(5));
        local.Received.Should().Equal([during], "this node's own subscribers do not depend on Redis");

        await _server.StartAsync();
        await Task.WhenAll(restoredA, restoredB).WaitAsync(TimeSpan.FromSeconds(60));

        // The re-subscription follows the reconnection closely but not in a way a client can observe: a few tries.
        var after = during with { SegmentIndex = 1 };
        for (var attempt = 0; attempt < 20 && !remote.Received.Contains(after); attempt++)
        {
            await _a.Events.PublishAsync(after, CancellationToken.None);
            await remote.WaitForAsync(1, TimeSpan.FromMilliseconds(500)).ContinueWith(_ => { }, TaskScheduler.Default);
        }

        remote.Received.Should().Contain(after).And.NotContain(during);
    }

    [Fact]
    public async Task Start_RedisDownAtStart_NodesSubscribeOnceItIsUp()
    {
        using var late = new RedisServer();
        var prefix = RedisServer.NewPrefix();

        // A short connect timeout: each node's first attempt waits for it before giving up (and retrying in the background).
        var connection = late.Connection + ",connectTimeout=500";
        await using var a = await RedisNode.StartAsync(connection, prefix);
        await using var b = await RedisNode.StartAsync(connection, prefix);
        var remote = new JobChangeInbox();
        var change = new JobChanged(Guid.NewGuid(), "owner-1", JobStatus.Running, 0, DateTimeOffset.UtcNow);
        using var onB = b.Events.SubscribeToJob(change.JobId, remote.Add);
        var restored = Task.WhenAll(Restored(a.Redis.Multiplexer), Restored(b.Redis.Multiplexer));

        await late.StartAsync();
        await restored.WaitAsync(TimeSpan.FromSeconds(60));
        for (var attempt = 0; attempt < 20 && remote.Received.Count == 0; attempt++)
        {
            await a.Events.PublishAsync(change, CancellationToken.None);
            await remote.WaitForAsync(1, TimeSpan.FromMilliseconds(500)).ContinueWith(_ => { }, TaskScheduler.Default);
        }

        remote.Received.Should().Contain(change);
    }

    private static Task Restored(IConnectionMultiplexer multiplexer)
    {
        var restored = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        multiplexer.ConnectionRestored += (_, e) =>
        {
            if (e.ConnectionType == ConnectionType.Subscription)
            {
                restored.TrySetResult();
            }
        };
        return restored.Task;
    }
}
