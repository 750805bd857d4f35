using Studio.Core.Captions;

namespace Studio.Tests.Core.Captions;

public sealed class CaptionTimelineTests
{
    [Fact]
    public void ForLine_ThreeLines_TwoCuesSharingTheSpokenTimeByLength()
    {
        var cues = CaptionTimeline.ForLine("one two three four five six seven eight nine ten eleven twelve thirteen fourteen", TimeSpan.FromSeconds(10), TimeSpan.FromSeconds(14));

        cues.Should().HaveCount(2);
        cues[0].Lines.Should().HaveCount(2);
        cues[0].Start.Should().Be(TimeSpan.FromSeconds(10));
        cues[^1].End.Should().Be(TimeSpan.FromSeconds(14));
        cues[0].End.Should().Be(cues[1].Start);
        (cues[0].End - cues[0].Start).Should().BeGreaterThan(cues[1].End - cues[1].Start, "the first cue holds more text");
    }

    [Fact]
    public void ForLine_VeryShortSpeech_StaysOnScreenLongEnoughToRead()
    {
        var cue = CaptionTimeline.ForLine("Go!", TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(1.2)).Single();

        (cue.End - cue.Start).Should().Be(CaptionTimeline.MinCueDuration);
    }

    [Fact]
    public void Write_Srt_NumberedBlocksWithCommaMilliseconds()
    {
        var srt = SrtWriter.Write([new CaptionCue(TimeSpan.FromMilliseconds(250), TimeSpan.FromSeconds(3723.5), ["Été à Noël", "ça déçoit"])]);

        srt.Should().Be("1\r\n00:00:00,250 --> 01:02:03,500\r\nÉté à Noël\r\nça déçoit\r\n\r\n");
    }
}
