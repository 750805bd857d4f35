using System.Globalization;
using Bunit;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;
using Studio.App.Components.Pages;
using Studio.Core.Analytics;
using Studio.Core.Jobs;
using Studio.Tests.Core.Analytics;

namespace Studio.Tests.Components;

/// <summary>The analytics page (/analytics): loading, empty and data states, the period switch, the CSV link, the admin-only switch.</summary>
public sealed class DashboardAnalyticsPageTests : StudioComponentTest
{
    public override async Task InitializeAsync()
    {
        Services.AddSingleton<AnalyticsQueries>();
        await base.InitializeAsync();
    }

    [Fact]
    public void Render_NothingFinished_ShowsEmptyStateAndStillOffersTheCsv()
    {
        var page = Render<Analytics>();

        page.WaitForAssertion(() => page.Find("[data-testid=analytics-empty]").TextContent.Should().Contain("Nothing to count yet"));
        page.Find("[data-testid=export-csv]").GetAttribute("href").Should().Be("/api/analytics/export.csv?period=month");
        page.FindAll("[data-testid=everyone-switch]").Should().BeEmpty("only admins may see everyone's figures");
    }

    [Fact]
    public void Render_WhileLoading_ShowsSkeletons()
    {
        Database.Hold();

        var page = Render<Analytics>();

        page.FindAll("[data-testid=analytics-loading]").Should().ContainSingle();
        Database.Open();
        page.WaitForAssertion(() => page.FindAll("[data-testid=analytics-loading]").Should().BeEmpty());
    }

    [Fact]
    public async Task PeriodSwitch_ToWeeks_ReloadsTheFiguresAndTheCsvLink()
    {
        CultureInfo.CurrentCulture = CultureInfo.GetCultureInfo("en");
        var now = DateTimeOffset.UtcNow;
        var recent = AnalyticsSeed.Job(UserId, "Recent", now.AddHours(-2), JobStatus.Completed, TimeSpan.FromSeconds(40));
        var older = AnalyticsSeed.Job(UserId, "Older", now.AddDays(-100), JobStatus.Completed, TimeSpan.FromSeconds(80));
        var failed = AnalyticsSeed.Job(UserId, "Broken", now.AddHours(-3), JobStatus.Failed);
        var others = AnalyticsSeed.Job(OtherUserId, "Not mine", now.AddHours(-2), JobStatus.Completed);
        await AnalyticsSeed.SaveAsync(Database, [recent, older, failed, others],
            [AnalyticsSeed.Cost(recent, "sim", 0.75m, now.AddHours(-2)), AnalyticsSeed.Cost(older, "luma", 2m, now.AddDays(-100)), AnalyticsSeed.Cost(others, "pika", 5m, now)]);

        var page = Render<Analytics>();
        page.WaitForAssertion(() => page.FindAll("[data-stat]").Should().HaveCount(4));
        Stat(page, "videos-made").Should().Be("2");
        Stat(page, "spend").Should().Be("$2.75");
        Stat(page, "success-rate").Should().Be("67%");
        page.FindAll("[data-testid=period-table] tbody tr").Should().HaveCount(12);
        page.Find("[data-testid=template-table]").TextContent.Should().Contain("Reels 30s Standard").And.Contain("$2.75");
        page.Markup.Should().NotContain("pika");

        await page.InvokeAsync(() => page.FindComponent<MudToggleGroup<AnalyticsPeriod>>().Instance.ValueChanged.InvokeAsync(AnalyticsPeriod.Week));

        page.WaitForAssertion(() => page.Find("[data-testid=export-csv]").GetAttribute("href").Should().Be("/api/analytics/export.csv?period=week"));
        page.WaitForAssertion(() => Stat(page, "spend").Should().Be("$0.75"));
        Stat(page, "videos-made").Should().Be("1", "the job finished 100 days ago is outside the last 12 weeks");
        Stat(page, "success-rate").Should().Be("50%");
    }

    private static string Stat(IRenderedComponent<Analytics> page, string name) =>
        page.Find($"[data-stat={name}] .stat-value").TextContent.Trim();
}
