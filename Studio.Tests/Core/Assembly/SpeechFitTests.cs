using Studio.Core.Assembly;

namespace Studio.Tests.Core.Assembly;

public sealed class SpeechFitTests
{
    private static readonly TimeSpan Segment = TimeSpan.FromSeconds(5);
    private static readonly TimeSpan LeadIn = TimeSpan.FromSeconds(0.25);

    [Fact]
    public void For_ShortLine_StartsAfterTheLeadInAtNormalSpeed()
    {
        var fit = SpeechFit.For(TimeSpan.FromSeconds(3), Segment, LeadIn, 1.25)!;

        fit.Should().Be(new SpeechFit(LeadIn, 1, TimeSpan.FromSeconds(3)));
    }

    [Fact]
    public void For_LineThatFitsOnlyWithoutLeadIn_StartsEarlierInsteadOfSpeedingUp()
    {
        var fit = SpeechFit.For(TimeSpan.FromSeconds(4.75), Segment, LeadIn, 1.25)!;

        fit.Tempo.Should().Be(1);
        fit.Offset.Should().Be(TimeSpan.FromSeconds(0.15));
        (fit.Offset + fit.Spoken).Should().BeLessThanOrEqualTo(Segment - SpeechFit.MinMargin);
    }

    [Fact]
    public void For_SlightlyLongLine_IsSpedUpToEndBeforeTheSegmentDoes()
    {
        var fit = SpeechFit.For(TimeSpan.FromSeconds(5.5), Segment, LeadIn, 1.25)!;

        fit.Tempo.Should().BeApproximately(5.5 / 4.8, 0.001);
        (fit.Offset + fit.Spoken).Should().BeCloseTo(Segment - SpeechFit.MinMargin, TimeSpan.FromMilliseconds(5));
    }

    [Fact]
    public void For_LineTooLongEvenSpedUp_DoesNotFit()
    {
        SpeechFit.For(TimeSpan.FromSeconds(6.5), Segment, LeadIn, 1.25).Should().BeNull();
    }
}
