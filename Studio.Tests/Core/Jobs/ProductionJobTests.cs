using Studio.Core.Jobs;
using Studio.Core.Segments;
using Studio.Core.Templates;
using Studio.Core.Common;

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
    public void MarkRunning_Queued_RunsAndRecordsTheStart()
    {
        var job = NewJob();
        job.Queue();

        job.MarkRunning(Now);

        job.Status.Should().Be(JobStatus.Running);
        job.StartedAt.Should().Be(Now);
        job.LeaseOwner.Should().BeNull("segments are leased one by one; the job itself only for its assembly");
    }

    [Fact]
    public void BeginAssembly_WithASegmentWithoutClip_Throws()
    {
        var job = NewJob();
        job.Queue();
        job.MarkRunning(Now);

        var act = job.BeginAssembly;

        act.Should().Throw<InvalidOperationException>().WithMessage("*without a clip*");
    }

    [Fact]
    public void Claim_AssemblingWithLiveLease_ThrowsAndWithExpiredLease_TakesOver()
    {
        var job = MadeJob();
        job.Claim("worker-a", Now, Lease);

        var early = () => job.Claim("worker-b", Now + TimeSpan.FromSeconds(30), Lease);
        early.Should().Throw<InvalidOperationException>();

        job.Claim("worker-b", Now + TimeSpan.FromMinutes(2), Lease);
        job.LeaseOwner.Should().Be("worker-b");
        job.Status.Should().Be(JobStatus.Assembling);
    }

    [Fact]
    public void Complete_FromAssembling_SumsSegmentCostsAndReleasesLease()
    {
        var job = MadeJob(costPerSegment: 0.5m);
        job.Claim("worker-a", Now, Lease);

        job.Complete("jobs/1/out/final.mp4", "jobs/1/out/poster.jpg", Now.AddMinutes(1));

        job.Status.Should().Be(JobStatus.Completed);
        job.Progress.Should().Be(1);
        job.FinishedAt.Should().Be(Now.AddMinutes(1));
        job.LeaseOwner.Should().BeNull();
        job.ActualCostUsd.Should().Be(0.5m * job.Segments.Count);
    }

    [Fact]
    public void Complete_WhileRunning_Throws()
    {
        var job = NewJob();
        job.Queue();
        job.MarkRunning(Now);

        var act = () => job.Complete("a", "b", Now);

        act.Should().Throw<InvalidOperationException>();
    }

    [Fact]
    public void Cancel_Running_CancelsUnfinishedSegmentsAndReturnsTheGenerationsToStopAtTheProvider()
    {
        var job = NewJob();
        job.Queue();
        job.MarkRunning(Now);
        var rendering = job.SegmentAt(1);
        rendering.Claim("w", Now, Lease);
        rendering.MarkSubmitted("prov-1");
        Succeed(job.SegmentAt(0), 0m);

        var toStop = job.Cancel(Now);

        toStop.Should().Equal(("local", "prov-1"));
        job.Status.Should().Be(JobStatus.Cancelled);
        job.SegmentAt(0).Status.Should().Be(SegmentStatus.Succeeded, "a made clip stays made");
        job.Segments.Skip(1).Should().AllSatisfy(s => s.Status.Should().Be(SegmentStatus.Cancelled));
        rendering.LeaseOwner.Should().BeNull();
    }

    [Fact]
    public void Cancel_Finished_Throws()
    {
        var job = MadeJob();
        job.Claim("w", Now, Lease);
        job.Complete("a", "b", Now);

        var act = () => job.Cancel(Now);

        act.Should().Throw<InvalidOperationException>();
    }

    [Fact]
    public void Retry_Failed_RemakesOnlyTheSegmentsWithoutClipWithTheJobsOwnProvider()
    {
        var job = NewJob();
        job.SetFallback(["sim"]);
        job.Queue();
        job.MarkRunning(Now);
        foreach (var segment in job.Segments.Skip(1))
        {
            Succeed(segment, 0m);
        }

        var failed = job.SegmentAt(0);
        failed.Claim("w", Now, Lease);
        failed.HandOver("sim", StoredText.Verbatim("Local is down."));
        failed.Fail(StoredText.Verbatim("Sim refused"), Now);
        job.Fail(StoredText.Verbatim("Segment 1 could not be made"), Now);

        job.Retry();

        job.Status.Should().Be(JobStatus.Queued);
        job.Error.Should().BeNull();
        failed.Status.Should().Be(SegmentStatus.Pending);
        failed.Provider.Should().Be("local");
        job.Segments.Skip(1).Should().AllSatisfy(s => s.Status.Should().Be(SegmentStatus.Succeeded));
    }

    [Fact]
    public void Retry_FailedAtAssembly_AssemblesAgain()
    {
        var job = MadeJob();
        job.Fail(StoredText.Verbatim("The final video could not be assembled"), Now);

        job.Retry();

        job.Status.Should().Be(JobStatus.Assembling);
    }

    [Fact]
    public void Regenerate_Completed_StartsTakeTwoKeepingTakeOneInTheCutUntilTheNewOneIsMade()
    {
        var job = MadeJob();
        job.Claim("w", Now, Lease);
        job.Complete("a", "b", Now);
        var segment = job.SegmentAt(2);
        var firstClip = segment.ClipFile;

        job.Regenerate(2, "A brighter shot");

        job.Status.Should().Be(JobStatus.Queued);
        job.FinishedAt.Should().BeNull();
        job.FinalVideoFile.Should().Be("a", "the previous cut stays downloadable");
        segment.Status.Should().Be(SegmentStatus.Pending);
        segment.Take.Should().Be(2);
        segment.SelectedTake.Should().Be(1);
        segment.ClipFile.Should().Be(firstClip);
        segment.Prompt.Should().Be("A brighter shot");
        segment.Attempts.Should().Be(0);
    }

    [Fact]
    public void Regenerate_FailedTake_KeepsTheEarlierTakeInTheCut()
    {
        var job = MadeJob();
        job.Claim("w", Now, Lease);
        job.Complete("a", "b", Now);
        job.Regenerate(0, null);
        var segment = job.SegmentAt(0);
        segment.Claim("w", Now, Lease);

        segment.Fail(StoredText.Verbatim("content policy"), Now);

        segment.Status.Should().Be(SegmentStatus.Succeeded);
        segment.SelectedTake.Should().Be(1);
        segment.Error.Should().Contain("Take 2 could not be made").And.Contain("content policy");
    }

    [Fact]
    public void Regenerate_SegmentStillBeingMade_Throws()
    {
        var job = NewJob();
        job.Queue();
        job.MarkRunning(Now);

        var act = () => job.Regenerate(0, null);

        act.Should().Throw<InvalidOperationException>().WithMessage("*still being made*");
    }

    [Fact]
    public void SelectTake_OfACompletedJob_PutsTheTakeInTheCutAndAssemblesAgain()
    {
        var job = NewJob();
        job.Queue();
        job.MarkRunning(Now);
        var takes = job.Segments.Select(segment => Succeed(segment, 0m)).ToList();
        job.BeginAssembly();
        job.Claim("w", Now, Lease);
        job.Complete("a", "b", Now);
        job.Regenerate(1, null);
        var segment = job.SegmentAt(1);
        Succeed(segment, 0m);
        job.BeginAssembly();
        job.Claim("w", Now, Lease);
        job.Complete("a", "b", Now);
        segment.SelectedTake.Should().Be(2, "a new take goes into the cut once made");

        job.SelectTake(1, takes[1]);

        segment.SelectedTake.Should().Be(1);
        segment.ClipFile.Should().Be(takes[1].ClipFile);
        job.Status.Should().Be(JobStatus.Assembling);
    }

    [Fact]
    public void SelectTake_WhileRunning_Throws()
    {
        var job = NewJob();
        job.Queue();
        job.MarkRunning(Now);
        var take = Succeed(job.SegmentAt(0), 0m);

        var act = () => job.SelectTake(0, take);

        act.Should().Throw<InvalidOperationException>();
    }

    [Fact]
    public void Fail_KeepsTheReason()
    {
        var job = NewJob();
        job.Queue();

        job.Fail(StoredText.Verbatim("Segment 2 could not be made: refused"), Now);

        job.Status.Should().Be(JobStatus.Failed);
        job.Error.Should().Be("Segment 2 could not be made: refused");
        job.IsFinished.Should().BeTrue();
    }

    private static ProductionJob MadeJob(decimal costPerSegment = 0m)
    {
        var job = NewJob();
        job.Queue();
        job.MarkRunning(Now);
        foreach (var segment in job.Segments)
        {
            Succeed(segment, costPerSegment);
        }

        job.BeginAssembly();
        return job;
    }

    private static SegmentTake Succeed(Segment segment, decimal cost)
    {
        segment.Claim("w", Now, Lease);
        segment.MarkSubmitted($"prov-{segment.Index}-{segment.Take}", cost);
        segment.BeginDownload();
        return segment.Succeed($"jobs/x/takes/{segment.Index}-{segment.Take}.mp4", Now);
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
