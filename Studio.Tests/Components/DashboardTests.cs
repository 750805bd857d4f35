using Bunit;
using Studio.App.Components.Pages;

namespace Studio.Tests.Components;

public sealed class DashboardTests : StudioComponentTest
{
    [Fact]
    public void Render_WhileTheListLoads_ShowsLoadingState()
    {
        Database.Hold();

        var page = Render<Dashboard>();

        page.FindAll("[data-testid=jobs-loading]").Should().ContainSingle();
        page.FindAll(".mud-skeleton").Should().NotBeEmpty();
        Database.Open();
        page.WaitForAssertion(() => page.FindAll("[data-testid=jobs-loading]").Should().BeEmpty());
    }

    [Fact]
    public void Render_NoJobs_ShowsEmptyStateWithCallToAction()
    {
        var page = Render<Dashboard>();

        page.WaitForAssertion(() => page.Find("[data-testid=jobs-empty]").TextContent.Should().Contain("No videos yet"));
        page.Find("[data-testid=jobs-empty] a").GetAttribute("href").Should().Be("/quick");
        page.Find("[data-testid=new-video]").GetAttribute("href").Should().Be("/quick");
    }

    [Fact]
    public async Task Render_DatabaseFails_ShowsErrorAndRetryLoadsTheList()
    {
        await CreateJobAsync(title: "Launch teaser");
        Database.Fail(new InvalidOperationException("database is locked"));

        var page = Render<Dashboard>();

        page.WaitForAssertion(() => page.Find("[data-testid=jobs-error]").TextContent.Should().Contain("could not be loaded"));
        Database.Open();
        await page.Find("[data-testid=jobs-error] button").ClickAsync(new());
        page.WaitForAssertion(() => page.Find("[data-testid=job-list]").TextContent.Should().Contain("Launch teaser"));
    }

    [Fact]
    public async Task Render_WithJobs_ListsOnlyTheUsersJobsWithTheirDetails()
    {
        var mine = await CreateJobAsync(title: "Launch teaser");
        await CreateJobAsync(title: "Someone else's video", owner: OtherUserId);

        var page = Render<Dashboard>();

        page.WaitForAssertion(() => page.FindAll("[data-job]").Should().ContainSingle());
        var row = page.Find($"[data-job='{mine.Id}']");
        row.QuerySelector("a.job-link")!.GetAttribute("href").Should().Be($"/jobs/{mine.Id}");
        row.QuerySelector("a.job-link")!.TextContent.Should().Be("Launch teaser");
        row.TextContent.Should().Contain("Reels 30s Standard").And.Contain("6 segments");
        row.QuerySelector(".status-chip")!.TextContent.Should().Contain("Draft");
        row.QuerySelector(".job-row-percent")!.TextContent.Should().Be("0%");
        row.QuerySelector(".cost-amount")!.TextContent.Should().Be("$0.00");
        row.QuerySelector(".cost-note")!.TextContent.Should().Be("free");
        row.QuerySelector("time")!.TextContent.Should().Be("just now");
        page.Markup.Should().NotContain("Someone else's video");
    }

    [Fact]
    public async Task JobChanged_ForAListedJob_UpdatesStatusAndProgressWithoutReload()
    {
        var job = await CreateJobAsync(title: "Launch teaser");
        var page = Render<Dashboard>();
        page.WaitForAssertion(() => page.FindAll("[data-job]").Should().ContainSingle());

        await Driver.ClaimAsync(job.Id);
        await Driver.SucceedSegmentAsync(job.Id, 0);
        await Driver.SucceedSegmentAsync(job.Id, 1);

        page.WaitForAssertion(() =>
        {
            var row = page.Find($"[data-job='{job.Id}']");
            row.QuerySelector(".status-chip")!.TextContent.Should().Contain("Generating");
            row.QuerySelector(".job-row-percent")!.TextContent.Should().Be("30%");
        });
    }

    [Fact]
    public async Task JobChanged_ForANewJob_AddsItToTheList()
    {
        var page = Render<Dashboard>();
        page.WaitForAssertion(() => page.FindAll("[data-testid=jobs-empty]").Should().ContainSingle());

        var job = await CreateJobAsync(title: "Fresh idea");

        page.WaitForAssertion(() => page.Find($"[data-job='{job.Id}']").TextContent.Should().Contain("Fresh idea"));
    }

    [Fact]
    public async Task Dispose_AfterListening_Unsubscribes()
    {
        var page = Render<Dashboard>();
        page.WaitForAssertion(() => Events.SubscriptionCount.Should().Be(1));

        await DisposeComponentsAsync();

        Events.SubscriptionCount.Should().Be(0);
    }
}
