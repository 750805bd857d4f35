using Studio.App.Components.Shared;
using Studio.Core.Costs;

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

    [Fact]
    public void Breakdown_EveryPart_IsNamedEvenWhenNothing() =>
        Formats.Breakdown(new CostBreakdown(0.9m, 0.01m, 0m)).Should().Be("segments $0.90 · script $0.01 · voice $0.00");

    [Theory]
    [InlineData(8, "8")]
    [InlineData(7.5, "7.5")]
    [InlineData(4.04, "4")]
    public void Seconds_DropsNeedlessDecimals(double seconds, string expected) =>
        Formats.Seconds(seconds).Should().Be(expected);
}
