using Microsoft.EntityFrameworkCore;
using Studio.Core.Jobs;
using Studio.Core.Notifications;
using Studio.Core.Common;

namespace Studio.Tests.Core.Notifications;

public sealed class JobOutcomeNoticesTests : IAsyncLifetime
{
    private NotificationHarness _harness = null!;

    public async Task InitializeAsync() => _harness = await NotificationHarness.CreateAsync(new RecordingMailer());

    public async Task DisposeAsync() => await _harness.DisposeAsync();

    [Fact]
    public async Task Complete_StoresOneUnreadNotificationForTheOwner()
    {
        var jobId = await _harness.CreateJobAsync("Spring launch");

        await _harness.Driver.CompleteAsync(jobId, costPerSegmentUsd: 0.25m);

        var notification = (await _harness.NotificationsAsync()).Should().ContainSingle().Subject;
        notification.UserId.Should().Be(NotificationHarness.UserId);
        notification.JobId.Should().Be(jobId);
        notification.JobTitle.Should().Be("Spring launch");
        notification.Outcome.Should().Be(JobStatus.Completed);
        notification.Error.Should().BeNull();
        notification.CostUsd.Should().BeGreaterThan(0);
        notification.ReadAt.Should().BeNull();
        notification.CreatedAt.Should().Be(_harness.Time.GetUtcNow());
    }

    [Fact]
    public async Task Fail_StoresTheReason()
    {
        var jobId = await _harness.CreateJobAsync();

        await _harness.Driver.FailAsync(jobId, "Segment 2 could not be made: the provider refused the prompt");

        var notification = (await _harness.NotificationsAsync()).Should().ContainSingle().Subject;
        notification.Outcome.Should().Be(JobStatus.Failed);
        notification.Error.Should().Be("Segment 2 could not be made: the provider refused the prompt");
    }

    [Fact]
    public async Task ProgressAndCancel_StoreNothing()
    {
        var jobId = await _harness.CreateJobAsync();

        await _harness.Driver.ClaimAsync(jobId);
        await _harness.Driver.RenderSegmentAsync(jobId, 0, 0.5);
        await using (var db = await _harness.Database.CreateDbContextAsync())
        {
            var job = await db.Jobs.Include(j => j.Segments).SingleAsync(j => j.Id == jobId);
            job.Cancel(_harness.Time.GetUtcNow());
            await db.SaveChangesAsync();
        }

        (await _harness.NotificationsAsync()).Should().BeEmpty();
    }

    [Fact]
    public async Task TwoWritersFailTheSameJob_OnlyTheSaveThatWinsStoresANotification()
    {
        var jobId = await _harness.CreateJobAsync();
        await using var first = await _harness.Database.CreateDbContextAsync();
        await using var second = await _harness.Database.CreateDbContextAsync();
        var mine = await first.Jobs.Include(j => j.Segments).SingleAsync(j => j.Id == jobId);
        var theirs = await second.Jobs.Include(j => j.Segments).SingleAsync(j => j.Id == jobId);
        mine.Fail(StoredText.Verbatim("first"), _harness.Time.GetUtcNow());
        theirs.Fail(StoredText.Verbatim("second"), _harness.Time.GetUtcNow());

        await first.SaveChangesAsync();
        var late = () => second.SaveChangesAsync();

        await late.Should().ThrowAsync<DbUpdateConcurrencyException>("the job's version lets one writer move it");
        var notification = (await _harness.NotificationsAsync()).Should().ContainSingle("the losing save took its notification down with it").Subject;
        notification.Error.Should().Be("first");
    }

    [Fact]
    public async Task SaveRetriedOnTheSameContext_StillOneNotification()
    {
        var jobId = await _harness.CreateJobAsync();
        await using var db = await _harness.Database.CreateDbContextAsync();
        var job = await db.Jobs.Include(j => j.Segments).SingleAsync(j => j.Id == jobId);
        job.Fail(StoredText.Verbatim("broken"), _harness.Time.GetUtcNow());

        // Asked before the save too (as when a caller retries a failed save on the same context): nothing added twice.
        db.ChangeTracker.DetectChanges();
        JobOutcomeNotices.Record(db);
        JobOutcomeNotices.Record(db);
        await db.SaveChangesAsync();

        (await _harness.NotificationsAsync()).Should().ContainSingle();
    }

    [Fact]
    public async Task RetriedJobCompletingLater_GetsASecondNotificationForTheNewOutcome()
    {
        var jobId = await _harness.CreateJobAsync();
        await _harness.Driver.FailAsync(jobId, "first try failed");
        await using (var db = await _harness.Database.CreateDbContextAsync())
        {
            var job = await db.Jobs.Include(j => j.Segments).SingleAsync(j => j.Id == jobId);
            job.Retry();
            await db.SaveChangesAsync();
        }

        _harness.Time.Advance(TimeSpan.FromMinutes(1));
        await _harness.Driver.CompleteAsync(jobId);

        (await _harness.NotificationsAsync()).Select(n => n.Outcome).Should().Equal(JobStatus.Failed, JobStatus.Completed);
    }
}
