using Studio.Core.Segments;
using Studio.Core.Common;

namespace Studio.Tests.Core.Segments;

public sealed class SegmentTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 25, 12, 0, 0, TimeSpan.Zero);

    [Fact]
    public void BeginSubmit_Pending_CountsAttemptAndMovesToSubmitting()
    {
        var segment = new SegmentBuilder().Build();

        segment.BeginSubmit(Now);

        segment.Status.Should().Be(SegmentStatus.Submitting);
        segment.Attempts.Should().Be(1);
        segment.StartedAt.Should().Be(Now);
    }

    [Fact]
    public void MarkSubmitted_NotSubmitting_Throws()
    {
        var segment = new SegmentBuilder().Build();

        var act = () => segment.MarkSubmitted("provider-1");

        act.Should().Throw<InvalidOperationException>().WithMessage("*Pending*expected Submitting*");
    }

    [Fact]
    public void MarkSubmitted_Submitting_SavesProviderJobId()
    {
        var segment = new SegmentBuilder().Submitting().Build();

        segment.MarkSubmitted("provider-1");

        segment.ProviderJobId.Should().Be("provider-1");
        segment.Status.Should().Be(SegmentStatus.Submitted);
    }

    [Fact]
    public void ReportRendering_KeepsProgressBelowDoneUntilStored()
    {
        var segment = new SegmentBuilder().Submitted().Build();

        segment.ReportRendering(1.0);

        segment.Status.Should().Be(SegmentStatus.Rendering);
        segment.Progress.Should().BeLessThan(1);
    }

    [Fact]
    public void RetryLater_ForgetsProviderJobIdAndKeepsTheError()
    {
        var segment = new SegmentBuilder().Submitted().Build();

        segment.RetryLater(StoredText.Verbatim("provider hiccup"), billedUsd: 0.25m, DateTimeOffset.UnixEpoch);

        segment.Status.Should().Be(SegmentStatus.Pending);
        segment.ProviderJobId.Should().BeNull();
        segment.Error.Should().Be("provider hiccup");
        segment.CostUsd.Should().Be(0.25m);
        segment.Attempts.Should().Be(1, "the attempt that failed still counts");
    }

    [Fact]
    public void Succeed_FromDownloading_StoresClipCostAndFullProgress()
    {
        var segment = new SegmentBuilder().Submitted(chargeUsd: 0.5m).Build();
        segment.BeginDownload();

        segment.Succeed("jobs/x/takes/0-1.mp4", Now);

        segment.Status.Should().Be(SegmentStatus.Succeeded);
        segment.ClipFile.Should().Be("jobs/x/takes/0-1.mp4");
        segment.CostUsd.Should().Be(0.5m);
        segment.Progress.Should().Be(1);
        segment.IsFinished.Should().BeTrue();
    }

    [Fact]
    public void Succeed_NotDownloading_Throws()
    {
        var segment = new SegmentBuilder().Submitted().Build();

        var act = () => segment.Succeed("clip.mp4", Now);

        act.Should().Throw<InvalidOperationException>();
    }

    [Fact]
    public void Fail_Finished_Throws()
    {
        var segment = new SegmentBuilder().Build();
        segment.Fail(StoredText.Verbatim("refused"), Now);

        var act = () => segment.Fail(StoredText.Verbatim("again"), Now);

        act.Should().Throw<InvalidOperationException>().WithMessage("*already Failed*");
    }

    [Fact]
    public void EveryChange_RenewsTheConcurrencyToken()
    {
        var segment = new SegmentBuilder().Build();
        var before = segment.Version;

        segment.BeginSubmit(Now);

        segment.Version.Should().NotBe(before);
    }
}
