using System.Globalization;
using Bunit;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;
using Studio.App.Components.Pages;
using Studio.Core.Analytics;
using Studio.Core.Jobs;
using Studio.Tests.Core.Analytics;

namespace Studio.Tests.Components;

public sealed class DashboardTests : StudioComponentTest
{
    public override async Task InitializeAsync()
    {
        Services.AddSingleton<DashboardQueries>();
        await base.InitializeAsync();
        Render<MudPopoverProvider>();
    }

    [Fact]
    public void Render_WhileTheFiguresLoad_ShowsLoadingState()
    {
        Database.Hold();

        var page = Render<Dashboard>();

        page.FindAll("[data-testid=jobs-loading]").Should().ContainSingle();
        page.FindAll(".mud-skeleton").Should().NotBeEmpty();
        Database.Open();
        page.WaitForAssertion(() => page.FindAll("[data-testid=jobs-loading]").Should().BeEmpty());
    }

    [Fact]
    public void Render_NoJobs_ShowsEmptyStateWithTheWizardAndQuickVideo()
    {
        var page = Render<Dashboard>();

        page.WaitForAssertion(() => page.Find("[data-testid=jobs-empty]").TextContent.Should().Contain("No videos yet"));
        page.FindAll("[data-testid=jobs-empty] a").Select(a => a.GetAttribute("href")).Should().Equal("/new", "/quick");
        page.Find("[data-testid=new-video]").GetAttribute("href").Should().Be("/new");
        page.Find("[data-testid=quick-video]").GetAttribute("href").Should().Be("/quick");
        page.FindAll("[data-testid=job-grid]").Should().BeEmpty();
    }

    [Fact]
    public async Task Render_DatabaseFails_ShowsErrorAndRetryLoadsThePage()
    {
        await CreateJobAsync(title: "Launch teaser");
        Database.Fail(new InvalidOperationException("database is locked"));

        var page = Render<Dashboard>();

        page.WaitForAssertion(() => page.Find("[data-testid=jobs-error]").TextContent.Should().Contain("could not be loaded"));
        Database.Open();
        await page.Find("[data-testid=jobs-error] button").ClickAsync(new());
        page.WaitForAssertion(() => page.Find("[data-testid=job-grid]").TextContent.Should().Contain("Launch teaser"));
    }

    [Fact]
    public async Task Render_WithJobs_ListsOnlyTheUsersJobsWithTheirDetails()
    {
        var mine = await CreateJobAsync(title: "Launch teaser");
        await CreateJobAsync(title: "Someone else's video", owner: OtherUserId);

        var page = Render<Dashboard>();

        page.WaitForAssertion(() => page.FindAll("tr[class*=job-]").Should().ContainSingle());
        var row = page.Find($"tr.job-{mine.Id}");
        row.QuerySelector("a.job-link")!.GetAttribute("href").Should().Be($"/jobs/{mine.Id}");
        row.QuerySelector("a.job-link")!.TextContent.Should().Be("Launch teaser");
        row.TextContent.Should().Contain("Reels 30s Standard").And.Contain("local");
        row.QuerySelector(".status-chip")!.TextContent.Should().Contain("Draft");
        row.QuerySelector(".job-percent")!.TextContent.Should().Be("0%");
        row.QuerySelector(".job-cost")!.TextContent.Should().Be("$0.00");
        row.QuerySelector(".job-cost-note")!.TextContent.Should().Be("free");
        row.QuerySelector(".job-thumb-empty").Should().NotBeNull("a draft has no poster yet");
        row.QuerySelector("time")!.TextContent.Should().Be("just now");
        page.Markup.Should().NotContain("Someone else's video");
    }

    [Fact]
    public async Task Render_CompletedJobsAndLedger_StatCardsShowTheMonthsFigures()
    {
        CultureInfo.CurrentCulture = CultureInfo.GetCultureInfo("en");
        var now = DateTimeOffset.UtcNow;
        var done = AnalyticsSeed.Job(UserId, "Done", now.AddMinutes(-10), JobStatus.Completed, TimeSpan.FromSeconds(95));
        var failed = AnalyticsSeed.Job(UserId, "Broken", now.AddMinutes(-9), JobStatus.Failed);
        var draft = AnalyticsSeed.Job(UserId, "Idea", now.AddMinutes(-8));
        await AnalyticsSeed.SaveAsync(Database, [done, failed, draft],
        [
            AnalyticsSeed.Cost(done, "sim", 1.20m, now.AddMinutes(-5)),
            AnalyticsSeed.Cost(failed, "luma", 0.35m, now.AddMinutes(-5)),
            AnalyticsSeed.Cost(failed, "luma", -0.10m, now.AddMinutes(-4)),
        ]);

        var page = Render<Dashboard>();

        page.WaitForAssertion(() => page.FindAll("[data-stat]").Should().HaveCount(4));
        Stat(page, "jobs-this-month").Should().Be("3");
        Stat(page, "success-rate").Should().Be("50%");
        Stat(page, "spend-this-month").Should().Be("$1.45");
        Stat(page, "average-time").Should().Be("1 min 35 s");
        page.Find("[data-testid=job-counts]").TextContent.Should().Be("Videos: 3 in all, 3 this month");
        page.Find($"tr.job-{done.Id} [data-testid=job-thumb]").GetAttribute("src").Should().Be($"/api/jobs/{done.Id}/poster");
        page.FindAll("[data-chart=jobs-per-day] svg").Should().NotBeEmpty();
        page.FindAll("[data-chart=spend-per-provider] svg").Should().NotBeEmpty();
    }

    [Fact]
    public async Task Grid_PagesSortsAndFilters_ThroughTheServerQuery()
    {
        var now = DateTimeOffset.UtcNow;
        var jobs = Enumerable.Range(0, 23)
            .Select(i => AnalyticsSeed.Job(UserId, $"Video {i:00}{(i % 5 == 0 ? " launch" : "")}", now.AddMinutes(-i), i % 2 == 0 ? JobStatus.Completed : JobStatus.Failed))
            .ToList();
        await AnalyticsSeed.SaveAsync(Database, jobs);

        var page = Render<Dashboard>();

        // First page: ten rows, newest first, out of 23.
        page.WaitForAssertion(() => Titles(page).Should().HaveCount(10));
        Titles(page)[0].Should().Be("Video 00 launch");
        Pager(page).Should().Contain("of 23");

        // Sorting by title, twice: descending.
        var titleHeader = page.FindAll("th").Single(th => th.TextContent.Contains("Title", StringComparison.Ordinal));
        await titleHeader.QuerySelector(".sortable-column-header")!.ClickAsync(new());
        page.WaitForAssertion(() => Titles(page)[0].Should().Be("Video 00 launch"));
        titleHeader = page.FindAll("th").Single(th => th.TextContent.Contains("Title", StringComparison.Ordinal));
        await titleHeader.QuerySelector(".sortable-column-header")!.ClickAsync(new());
        page.WaitForAssertion(() => Titles(page)[0].Should().Be("Video 22"));

        // Next page of that order.
        await page.InvokeAsync(() => page.FindComponent<MudDataGrid<JobListRow>>().Instance.NavigateTo(Page.Next));
        page.WaitForAssertion(() => Titles(page)[0].Should().Be("Video 12"));

        // Filters: a status, then a search, narrow rows and the total.
        await page.InvokeAsync(() => page.FindComponent<MudSelect<JobStatus?>>().Instance.ValueChanged.InvokeAsync(JobStatus.Completed));
        page.WaitForAssertion(() => Pager(page).Should().Contain("of 12"));
        page.FindAll(".status-chip").Should().OnlyContain(chip => chip.TextContent.Contains("Ready"));
        await page.InvokeAsync(() => page.FindComponent<MudTextField<string>>().Instance.ValueChanged.InvokeAsync("LAUNCH"));
        page.WaitForAssertion(() => Titles(page).Should().BeEquivalentTo("Video 00 launch", "Video 10 launch", "Video 20 launch"));
        await page.InvokeAsync(() => page.FindComponent<MudTextField<string>>().Instance.ValueChanged.InvokeAsync("no such video"));
        page.WaitForAssertion(() => page.Find("[data-testid=grid-no-match]").TextContent.Should().Contain("No video matches"));
    }

    [Fact]
    public async Task JobChanged_ForAListedJob_UpdatesStatusAndProgressWithoutReload()
    {
        var job = await CreateJobAsync(title: "Launch teaser");
        var page = Render<Dashboard>();
        page.WaitForAssertion(() => page.FindAll($"tr.job-{job.Id}").Should().ContainSingle());

        await Driver.ClaimAsync(job.Id);
        await Driver.SucceedSegmentAsync(job.Id, 0);
        await Driver.SucceedSegmentAsync(job.Id, 1);

        page.WaitForAssertion(() =>
        {
            var row = page.Find($"tr.job-{job.Id}");
            row.QuerySelector(".status-chip")!.TextContent.Should().Contain("Generating");
            row.QuerySelector(".job-percent")!.TextContent.Should().Be("30%");
        });
    }

    [Fact]
    public async Task JobChanged_ForTheFirstJob_ReplacesTheEmptyStateWithTheGrid()
    {
        var page = Render<Dashboard>();
        page.WaitForAssertion(() => page.FindAll("[data-testid=jobs-empty]").Should().ContainSingle());

        var job = await CreateJobAsync(title: "Fresh idea");

        page.WaitForAssertion(() => page.Find($"tr.job-{job.Id}").TextContent.Should().Contain("Fresh idea"));
        Stat(page, "jobs-this-month").Should().Be("1");
    }

    [Fact]
    public async Task Dispose_AfterListening_Unsubscribes()
    {
        var page = Render<Dashboard>();
        page.WaitForAssertion(() => Events.SubscriptionCount.Should().Be(1));

        await DisposeComponentsAsync();

        Events.SubscriptionCount.Should().Be(0);
    }

    private static string Stat(IRenderedComponent<Dashboard> page, string name) =>
        page.Find($"[data-stat={name}] .stat-value").TextContent.Trim();

    private static string Pager(IRenderedComponent<Dashboard> page) => page.Find(".mud-table-pagination").TextContent;

    private static List<string> Titles(IRenderedComponent<Dashboard> page) =>
        [.. page.FindAll("a.job-link").Select(a => a.TextContent.Trim())];
}
