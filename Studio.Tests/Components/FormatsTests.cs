using Studio.App.Components.Shared;
using Studio.Core.Costs;
using Studio.Core.Jobs;

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

    [Fact]
    public void Words_FollowThePagesLanguage()
    {
        var now = new DateTimeOffset(2026, 11, 25, 12, 0, 0, TimeSpan.Zero);
        var before = System.Globalization.CultureInfo.CurrentUICulture;
        try
        {
            System.Globalization.CultureInfo.CurrentUICulture = System.Globalization.CultureInfo.GetCultureInfo("fr-FR");
            Formats.Relative(now.AddMinutes(-5), now).Should().Be("il y a 5 min");
            Formats.Relative(now.AddDays(-1.5), now).Should().Be("hier");
            Formats.Cost(JobStatus.Completed, 1m, 0.9m).Should().Be(("$0.90", "dépensé"));
            Formats.Breakdown(new CostBreakdown(0.9m, 0.01m, 0m)).Should().Be("segments $0.90 · script $0.01 · voix $0.00");

            System.Globalization.CultureInfo.CurrentUICulture = System.Globalization.CultureInfo.GetCultureInfo("en-GB");
            Formats.Relative(now.AddMinutes(-5), now).Should().Be("5 min ago");
            Formats.Cost(JobStatus.Running, 1m, 0.9m).Should().Be(("~$1.00", "estimated"));
        }
        finally
        {
            System.Globalization.CultureInfo.CurrentUICulture = before;
        }
    }

    [Fact]
    public void Digits_FollowThePagesCulture()
    {
        var (culture, uiCulture) = (System.Globalization.CultureInfo.CurrentCulture, System.Globalization.CultureInfo.CurrentUICulture);
        try
        {
            System.Globalization.CultureInfo.CurrentCulture = System.Globalization.CultureInfo.CurrentUICulture = System.Globalization.CultureInfo.GetCultureInfo("fr-FR");
            Formats.Usd(0.9m).Should().Be("0,90\u00A0$");
            Formats.Usd(1234.5m).Should().MatchRegex(@"^1\s234,50\u00A0\$$");
            Formats.Usd(0.001m).Should().Be("< 0,01\u00A0$");
            Formats.Seconds(7.5).Should().Be("7,5");
            Formats.Percent(0.42).Should().Be("42\u00A0%");
            Formats.Cost(JobStatus.Completed, 1m, 0.9m).Should().Be(("0,90\u00A0$", "dépensé"));

            System.Globalization.CultureInfo.CurrentCulture = System.Globalization.CultureInfo.CurrentUICulture = System.Globalization.CultureInfo.GetCultureInfo("en-US");
            Formats.Usd(1234.5m).Should().Be("$1,234.50");
            Formats.Usd(0.001m).Should().Be("< $0.01");
            Formats.Seconds(7.5).Should().Be("7.5");
            Formats.Percent(0.42).Should().Be("42%");
        }
        finally
        {
            (System.Globalization.CultureInfo.CurrentCulture, System.Globalization.CultureInfo.CurrentUICulture) = (culture, uiCulture);
        }
    }
}
