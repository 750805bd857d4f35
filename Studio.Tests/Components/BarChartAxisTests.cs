using System.Globalization;
using Bunit;
using MudBlazor.Services;
using Studio.App.Components.Shared.Charts;

namespace Studio.Tests.Components;

/// <summary>The bar chart's value axis fits its data: whole ticks up to a nice maximum just above the largest value, dollars read as money.</summary>
public sealed class BarChartAxisTests : BunitContext
{
    public BarChartAxisTests()
    {
        Services.AddMudServices();
        JSInterop.Mode = JSRuntimeMode.Loose;
        CultureInfo.CurrentCulture = CultureInfo.CurrentUICulture = new CultureInfo("en-US");
    }

    [Theory]
    [InlineData(1, 1, 1)]
    [InlineData(3, 3, 1)]
    [InlineData(7, 8, 2)]
    [InlineData(20, 20, 5)]
    [InlineData(23, 30, 10)]
    [InlineData(0.4, 1, 1)]
    [InlineData(0, 1, 1)]
    [InlineData(1234, 1500, 500)]
    public void For_LargestValue_NiceMaximumJustAboveWithWholeTicks(double largest, double max, double step)
    {
        ChartAxis.For(largest).Should().Be(new ChartAxis(max, step));
    }

    [Fact]
    public void Render_OneJob_AxisReadsZeroToOneNotZeroToTwenty()
    {
        var chart = RenderChart([0, 1, 0], dollars: false);

        AxisLabels(chart).Should().Equal("0", "1");
    }

    [Fact]
    public void Render_SevenJobs_WholeTicksOfTwoUpToEight()
    {
        var chart = RenderChart([7, 3, 0], dollars: false);

        AxisLabels(chart).Should().Equal("0", "2", "4", "6", "8");
    }

    [Fact]
    public void Render_Dollars_TicksReadAsMoney()
    {
        var chart = RenderChart([12.5, 3], dollars: true);

        AxisLabels(chart).Should().Equal("$0", "$5", "$10", "$15");
    }

    private IRenderedComponent<BarChart> RenderChart(double[] values, bool dollars) => Render<BarChart>(p => p
        .Add(c => c.Name, "test")
        .Add(c => c.Title, "Jobs")
        .Add(c => c.Labels, [.. values.Select((_, i) => $"Day {(char)('A' + i)}")])
        .Add(c => c.Series, [("Jobs", values)])
        .Add(c => c.Dollars, dollars));

    /// <summary>The value axis's figures, bottom to top (the category labels are the "Day" ones).</summary>
    private static List<string> AxisLabels(IRenderedComponent<BarChart> chart) =>
        [.. chart.FindAll("svg text").Select(t => t.TextContent.Trim()).Where(t => t.Length > 0 && !t.StartsWith("Day", StringComparison.Ordinal)).Distinct()];
}
