using Studio.Providers.Local;

namespace Studio.Tests.Providers.Local;

public sealed class VideoGradeTests
{
    [Theory]
    [InlineData("Film NOIR, moody", "hue=s=0")]
    [InlineData("vintage 16mm look", "saturation=0.7")]
    [InlineData("warm golden hour", "saturation=1.15")]
    [InlineData("cool futuristic", "u='clip(val+8,0,255)'")]
    [InlineData("bold and vibrant", "saturation=1.4")]
    public void For_StyleWords_PickTheirGrade(string style, string expected)
    {
        VideoGrade.For(style).Should().Contain(expected);
    }

    [Theory]
    [InlineData("")]
    [InlineData("popular technique")]
    public void For_NoStyleWord_GivesTheCinematicGrade(string style)
    {
        VideoGrade.For(style).Should().Be(VideoGrade.For("anything else"));
    }

    [Fact]
    public void For_AnyStyle_UsesNoRgbOnlyFilters()
    {
        foreach (var style in new[] { "noir", "vintage", "warm", "cool", "vivid", "" })
        {
            VideoGrade.For(style).Should().NotContainAny("colorbalance", "curves", "colortemperature");
        }
    }
}
