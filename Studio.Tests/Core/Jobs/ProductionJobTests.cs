using Studio.Core.Jobs;
using Studio.Core.Segments;
using Studio.Core.Templates;

namespace Studio.Tests.Core.Jobs;

public sealed class ProductionJobTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 25, 12, 0, 0, TimeSpan.Zero);
    private static readonly TimeSpan Lease = TimeSpan.FromMinutes(1);

    [Fact]
    public void New_CopiesTheTemplateSoLaterEditsCannotChangeIt()
    {
        var template = DefaultTemplates.Create(Now).Single(t => t.Name == DefaultTemplates.Reels30);

        var job = NewJob(template);

        job.Status.Should().Be(JobStatus.Draft);
        job.TemplateName.Should().Be(DefaultTemplates.Reels30);
        job.AspectRatio.Should().Be(AspectRatio.Portrait9x16);
        job.SegmentSeconds.Should().Be(5);
    }

    [Fact]
    public void Queue_NotDraft_Throws()
    {
        var job = NewJob();
        job.Queue();

        var act = job.Queue;

        act.Should().Throw<InvalidOperationException>().WithMessage("*Queued*expected Draft*");
    }

    [Fact]
    public void Claim_Queued_RunsWithALease()
    {
        var job = NewJob();
        job.Queue();

        job.Claim("worker-a", Now, Lease);

        job.Status.Should().Be(JobStatus.Running);
        job.LeaseOwner.Should().Be("worker-a");
        job.LeaseUntil.Should().Be(Now + Lease);
        job.StartedAt.Should().Be(Now);
    }

    [Fact]
    public void Claim_RunningWithLiveLease_Throws()
    {
        var job = NewJob();
        job.Queue();
        job.Claim("worker-a", Now, Lease);

        var act = () => job.Claim("worker-b", Now + TimeSpan.FromSeconds(30), Lease);

        act.Should().Throw<InvalidOperationException>();
    }

    [Fact]
    public void Claim_RunningWithExpiredLease_TakesOverKeepingStartTime()
    {
        var job = NewJob();
        job.Queue();
        job.Claim("worker-a", Now, Lease);

        job.Claim("worker-b", Now + TimeSpan.FromMinutes(2), Lease);

        job.LeaseOwner.Should().Be("worker-b");
        job.Status.Should().Be(JobStatus.Running);
        job.StartedAt.Should().Be(Now);
    }

    [Fact]
    public void Complete_FromAssembling_SumsSegmentCostsAndReleasesLease()
    {
        var job = NewJob();
        job.Queue();
        job.Claim("worker-a", Now, Lease);
        job.BeginAssembly();

        job.Complete("jobs/1/out/final.mp4", "jobs/1/out/poster.jpg", Now.AddMinutes(1));

        job.Status.Should().Be(JobStatus.Completed);
        job.Progress.Should().Be(1);
        job.FinishedAt.Should().Be(Now.AddMinutes(1));
        job.LeaseOwner.Should().BeNull();
        job.ActualCostUsd.Should().Be(0);
    }

    [Fact]
    public void Complete_WhileRunning_Throws()
    {
        var job = NewJob();
        job.Queue();
        job.Claim("worker-a", Now, Lease);

        var act = () => job.Complete("a", "b", Now);

        act.Should().Throw<InvalidOperationException>();
    }

    [Fact]
    public void Fail_KeepsTheReason()
    {
        var job = NewJob();
        job.Queue();

        job.Fail("Segment 2 could not be made: refused", Now);

        job.Status.Should().Be(JobStatus.Failed);
        job.Error.Should().Be("Segment 2 could not be made: refused");
        job.IsFinished.Should().BeTrue();
    }

    private static ProductionJob NewJob(VideoTemplate? template = null)
    {
        template ??= DefaultTemplates.Create(Now)[0];
        var job = new ProductionJob(Guid.NewGuid(), "user-1", "Title", "Theme", template, "local", GenerationMode.TextToVideo, 0m, Now);
        for (var i = 0; i < template.SegmentCount; i++)
        {
            job.AddSegment(new SegmentBuilder().WithIndex(i).Build());
        }

        return job;
    }
}
