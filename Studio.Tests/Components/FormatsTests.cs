using Studio.App.Components.Shared;

namespace Studio.Tests.Components;

public sealed class FormatsTests
{
    [Theory]
    [InlineData(0, "0%")]
    [InlineData(0.23, "23%")]
    [InlineData(0.375, "37%")]
    [InlineData(0.995, "99%")]
    [InlineData(0.99999, "99%")]
    [InlineData(1, "100%")]
    [InlineData(1.5, "100%")]
    public void Percent_RoundsDown_SoOnlyDoneReads100(double progress, string expected) =>
        Formats.Percent(progress).Should().Be(expected);
}
