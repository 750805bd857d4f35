using Microsoft.Extensions.Logging.Abstractions;
using Studio.Core.Events;
using Studio.Core.Jobs;

namespace Studio.Tests.Core.Events;

public sealed class InProcessJobEventsTests
{
    private readonly InProcessJobEvents _events = new(NullLogger<InProcessJobEvents>.Instance);

    [Fact]
    public async Task Publish_ReachesJobAndOwnerSubscribersInOrder()
    {
        var jobId = Guid.NewGuid();
        var byJob = new List<int>();
        var byOwner = new List<int>();
        using var a = _events.SubscribeToJob(jobId, c => Record(byJob, c));
        using var b = _events.SubscribeToOwner("user-1", c => Record(byOwner, c));

        for (var i = 1; i <= 5; i++)
        {
            await _events.PublishAsync(Change(jobId, "user-1", i), CancellationToken.None);
        }

        byJob.Should().Equal(1, 2, 3, 4, 5);
        byOwner.Should().Equal(byJob);
    }

    [Fact]
    public async Task Publish_OtherJobOrOwner_NotDelivered()
    {
        var received = new List<int>();
        using var subscription = _events.SubscribeToJob(Guid.NewGuid(), c => Record(received, c));
        using var owner = _events.SubscribeToOwner("user-1", c => Record(received, c));

        await _events.PublishAsync(Change(Guid.NewGuid(), "user-2", 5), CancellationToken.None);

        received.Should().BeEmpty();
    }

    [Fact]
    public async Task Publish_FailingSubscriber_OthersStillReceive()
    {
        var jobId = Guid.NewGuid();
        var received = new List<int>();
        using var bad = _events.SubscribeToJob(jobId, _ => throw new InvalidOperationException("boom"));
        using var good = _events.SubscribeToJob(jobId, c => Record(received, c));

        await _events.PublishAsync(Change(jobId, "user-1", 7), CancellationToken.None);

        received.Should().Equal(7);
    }

    [Fact]
    public void Dispose_ThousandsOfSubscriptions_LeaveNothingBehind()
    {
        var jobId = Guid.NewGuid();
        for (var i = 0; i < 5000; i++)
        {
            var subscription = i % 2 == 0
                ? _events.SubscribeToJob(jobId, _ => ValueTask.CompletedTask)
                : _events.SubscribeToOwner($"user-{i}", _ => ValueTask.CompletedTask);
            subscription.Dispose();
            subscription.Dispose();
        }

        _events.SubscriptionCount.Should().Be(0);
    }

    private static ValueTask Record(List<int> into, JobChanged change)
    {
        into.Add(change.SegmentIndex!.Value);
        return ValueTask.CompletedTask;
    }

    private static JobChanged Change(Guid jobId, string owner, int segmentIndex) =>
        new(jobId, owner, JobStatus.Running, segmentIndex, DateTimeOffset.UnixEpoch);
}
