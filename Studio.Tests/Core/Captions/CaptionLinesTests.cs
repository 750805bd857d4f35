using Studio.Core.Captions;

namespace Studio.Tests.Core.Captions;

public sealed class CaptionLinesTests
{
    [Fact]
    public void Split_LongSentence_BreaksAtSpacesWithinTheLimit()
    {
        var lines = CaptionLines.Split("Voici trois astuces pour réussir votre café du matin sans effort.");

        lines.Should().Equal("Voici trois astuces pour réussir", "votre café du matin sans effort.");
        lines.Should().OnlyContain(l => l.Length <= CaptionLines.MaxLineLength);
    }

    [Fact]
    public void Split_WordLongerThanALine_IsHyphenatedRatherThanOverflowing()
    {
        var lines = CaptionLines.Split("a " + new string('x', 40), 32);

        lines.Should().Equal("a", new string('x', 31) + "-", new string('x', 9));
    }

    [Fact]
    public void Split_Blank_IsNoLines()
    {
        CaptionLines.Split("   ").Should().BeEmpty();
    }
}
