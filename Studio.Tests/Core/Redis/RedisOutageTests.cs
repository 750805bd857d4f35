using StackExchange.Redis;
using Studio.Core.Events;
using Studio.Core.Jobs;

namespace Studio.Tests.Core.Redis;

/// <summary>
/// Redis goes away under two nodes and comes back (a server of this test's own, killed as a crash would): a
/// worker's publish neither throws nor hangs meanwhile, local subscribers still hear it, and once the multiplexers
/// reconnect the other node hears changes again without anyone subscribing anew.
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
