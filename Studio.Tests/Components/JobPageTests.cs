using Bunit;
using Microsoft.Extensions.DependencyInjection;
using Studio.App.Components.Pages;
using Studio.Core.Jobs;

namespace Studio.Tests.Components;

public sealed class JobPageTests : StudioComponentTest
{
    [Fact]
    public async Task Render_WhileTheJobLoads_ShowsLoadingState()
    {
        var job = await CreateJobAsync();
        Database.Hold();

        var page = Render<JobPage>(p => p.Add(c => c.Id, job.Id));

        page.FindAll("[data-testid=job-loading]").Should().ContainSingle();
        Database.Open();
        page.WaitForAssertion(() => page.Find("h1").TextContent.Should().Be(job.Title));
    }

    [Fact]
    public void Render_UnknownId_ShowsNotFound()
    {
        var page = Render<JobPage>(p => p.Add(c => c.Id, Guid.NewGuid()));

        page.WaitForAssertion(() => page.Find("[data-testid=job-not-found]").TextContent.Should().Contain("There is no such video"));
        page.Find("[data-testid=job-not-found] a").GetAttribute("href").Should().Be("/");
    }

    [Fact]
    public async Task Render_AnotherUsersJob_ShowsNotFound()
    {
        var theirs = await CreateJobAsync(title: "Not yours", owner: OtherUserId);

        var page = Render<JobPage>(p => p.Add(c => c.Id, theirs.Id));

        page.WaitForAssertion(() => page.FindAll("[data-testid=job-not-found]").Should().ContainSingle());
        page.Markup.Should().NotContain("Not yours");
    }

    [Fact]
    public async Task Render_DatabaseFails_ShowsErrorAndRetryLoadsTheJob()
    {
        var job = await CreateJobAsync(title: "Launch teaser");
        Database.Fail(new InvalidOperationException("database is locked"));

        var page = Render<JobPage>(p => p.Add(c => c.Id, job.Id));

        page.WaitForAssertion(() => page.Find("[data-testid=job-error]").TextContent.Should().Contain("could not be loaded"));
        Database.Open();
        await page.Find("[data-testid=job-error] button").ClickAsync(new());
        page.WaitForAssertion(() => page.Find("h1").TextContent.Should().Be("Launch teaser"));
    }

    [Fact]
    public async Task Render_RunningJob_ShowsItsBriefStatusAndProgress()
    {
        var job = await CreateJobAsync(theme: "Three habits of fast remote teams", title: "Remote habits");
        await Driver.ClaimAsync(job.Id);
        await Driver.RenderSegmentAsync(job.Id, 0, 0.5);

        var page = Render<JobPage>(p => p.Add(c => c.Id, job.Id));

        page.WaitForAssertion(() => page.Find("h1").TextContent.Should().Be("Remote habits"));
        page.Find("[data-testid=job-theme]").TextContent.Should().Be("Three habits of fast remote teams");
        page.Find(".job-status").TextContent.Should().Contain("Generating");
        page.Find(".job-facts").TextContent.Should().Contain("Reels 30s Standard").And.Contain("local").And.Contain("6 × 5 s · 9:16")
            .And.Contain("$0.00");
        page.Find("[data-testid=overall-percent]").TextContent.Should().Be("7%"); // 0.5 / 6 × 0.9 = 7.5 %, rounded down
        page.FindAll("[data-segment]").Should().HaveCount(6);
        page.FindAll("video").Should().BeEmpty();
    }

    [Fact]
    public async Task Render_FreeJob_ShowsNoCostBreakdown()
    {
        var job = await CreateJobAsync();

        var page = Render<JobPage>(p => p.Add(c => c.Id, job.Id));

        page.WaitForAssertion(() => page.Find(".job-facts").TextContent.Should().Contain("free"));
        page.FindAll("[data-testid=job-cost]").Should().BeEmpty("nothing is billed, so there is nothing to break down");
    }

    [Fact]
    public async Task Render_CompletedJob_ShowsThePlayerAndDownloads()
    {
        var job = await CreateJobAsync(title: "Launch teaser");
        await Driver.CompleteAsync(job.Id);

        var page = Render<JobPage>(p => p.Add(c => c.Id, job.Id));

        page.WaitForAssertion(() => page.FindAll("video").Should().ContainSingle());
        var video = page.Find("video");
        video.GetAttribute("src").Should().Be($"/api/jobs/{job.Id}/video");
        video.GetAttribute("poster").Should().Be($"/api/jobs/{job.Id}/poster");
        video.HasAttribute("controls").Should().BeTrue();
        video.HasAttribute("playsinline").Should().BeTrue();
        page.Find(".video-frame").ClassList.Should().Contain("ratio-9x16");
        var download = page.Find("a[data-testid=download-video]");
        download.GetAttribute("href").Should().Be($"/api/jobs/{job.Id}/video");
        download.GetAttribute("download").Should().Be("launch-teaser.mp4");
        var poster = page.Find("a[data-testid=download-poster]");
        poster.GetAttribute("href").Should().Be($"/api/jobs/{job.Id}/poster");
        poster.HasAttribute("download").Should().BeTrue();
        page.Find(".job-status").TextContent.Should().Contain("Ready");
    }

    [Fact]
    public async Task Render_FailedJob_ShowsItsError()
    {
        var job = await CreateJobAsync();
        await Driver.FailAsync(job.Id, "The provider is out of credits.");

        var page = Render<JobPage>(p => p.Add(c => c.Id, job.Id));

        page.WaitForAssertion(() => page.Find("[data-testid=job-failed]").TextContent
            .Should().Contain("This video could not be made").And.Contain("The provider is out of credits."));
        page.FindAll("video").Should().BeEmpty();
    }

    [Fact]
    public async Task JobChanged_WhileOpen_ShowsTheNewStateWithoutReload()
    {
        var job = await CreateJobAsync();
        await Driver.ClaimAsync(job.Id);
        var page = Render<JobPage>(p => p.Add(c => c.Id, job.Id));
        page.WaitForAssertion(() => page.Find("[data-testid=overall-percent]").TextContent.Should().Be("0%"));

        await Driver.SucceedSegmentAsync(job.Id, 0);
        await Driver.RenderSegmentAsync(job.Id, 1, 0.5);

        page.WaitForAssertion(() =>
        {
            page.Find("[data-segment='0'] .status-chip").TextContent.Should().Contain("Done");
            page.Find("[data-segment='1'] .status-chip").TextContent.Should().Contain("Rendering");
            page.Find("[data-segment='1'] .segment-percent").TextContent.Should().Be("50%");
            page.Find("[data-testid=overall-percent]").TextContent.Should().Be("22%"); // (1 + 0.5) / 6 × 0.9 = 22.5 %, rounded down
        });
    }

    [Fact]
    public async Task JobChanged_ToCompleted_ShowsThePlayerAndStopsListening()
    {
        var job = await CreateJobAsync();
        await Driver.ClaimAsync(job.Id);
        var page = Render<JobPage>(p => p.Add(c => c.Id, job.Id));
        page.WaitForAssertion(() => Events.SubscriptionCount.Should().Be(1));

        await Driver.CompleteAsync(job.Id);

        page.WaitForAssertion(() => page.FindAll("video").Should().ContainSingle());
        page.Find("[data-testid=overall-percent]").TextContent.Should().Be("100%");
        Events.SubscriptionCount.Should().Be(0);
    }

    [Fact]
    public async Task Dispose_WhileListening_Unsubscribes()
    {
        var job = await CreateJobAsync();
        await Driver.ClaimAsync(job.Id);
        var page = Render<JobPage>(p => p.Add(c => c.Id, job.Id));
        page.WaitForAssertion(() => Events.SubscriptionCount.Should().Be(1));

        await DisposeComponentsAsync();

        Events.SubscriptionCount.Should().Be(0);
    }

    [Fact]
    public async Task JobChanged_ManyInOrder_ShowsProgressThatNeverGoesBack()
    {
        var job = await CreateJobAsync();
        await Driver.ClaimAsync(job.Id);
        var page = Render<JobPage>(p => p.Add(c => c.Id, job.Id));
        page.WaitForAssertion(() => Events.SubscriptionCount.Should().Be(1));
        var shown = new List<int>();
        page.OnMarkupUpdated += (_, _) =>
        {
            var percent = page.FindAll("[data-testid=overall-percent]");
            if (percent.Count == 1)
            {
                lock (shown)
                {
                    shown.Add(int.Parse(percent[0].TextContent.TrimEnd('%'), System.Globalization.CultureInfo.InvariantCulture));
                }
            }
        };

        for (var i = 0; i < job.Segments.Count; i++)
        {
            await Driver.RenderSegmentAsync(job.Id, i, 0.25);
            await Driver.RenderSegmentAsync(job.Id, i, 0.75);
            await Driver.SucceedSegmentAsync(job.Id, i);
        }

        page.WaitForAssertion(() => page.Find("[data-testid=overall-percent]").TextContent.Should().Be("90%"));
        lock (shown)
        {
            shown.Should().NotBeEmpty().And.BeInAscendingOrder("changes are applied in the order they were committed");
        }
    }

    [Fact]
    public async Task OpenAndClose_AThousandTimes_LeavesNoSubscriptionBehind()
    {
        var job = await CreateJobAsync();
        await Driver.ClaimAsync(job.Id);

        for (var i = 0; i < 1000; i++)
        {
            var page = Render<JobPage>(p => p.Add(c => c.Id, job.Id));
            if (i % 2 == 0)
            {
                // Half are closed once listening, half while still loading (a subscription must not start after the close).
                page.WaitForAssertion(() => Events.SubscriptionCount.Should().Be(1));
            }

            await DisposeComponentsAsync();
        }

        Events.SubscriptionCount.Should().Be(0);
        var last = Render<JobPage>(p => p.Add(c => c.Id, job.Id));
        last.WaitForAssertion(() => Events.SubscriptionCount.Should().Be(1, "a page opened mid-job listens, and only once"));
    }

    [Fact]
    public async Task Cancel_OnARunningJob_CancelsItAndOffersToRetry()
    {
        var job = await CreateJobAsync();
        await Driver.ClaimAsync(job.Id);
        await Driver.SucceedSegmentAsync(job.Id, 0);
        var page = Render<JobPage>(p => p.Add(c => c.Id, job.Id));
        page.WaitForAssertion(() => page.Find("[data-testid=cancel-job]").HasAttribute("disabled").Should().BeFalse());

        await page.Find("[data-testid=cancel-job]").ClickAsync(new());

        page.WaitForAssertion(() => page.Find("[data-testid=retry-job]").TextContent.Should().Contain("Retry the 5 missing segments"));
        page.FindAll("[data-testid=cancel-job]").Should().BeEmpty();
        (await ReadJobAsync(job.Id)).Status.Should().Be(JobStatus.Cancelled);
    }

    [Fact]
    public async Task Takes_OfACompletedJob_AreShownAndPickingOneAssemblesAgain()
    {
        var job = await CreateJobAsync();
        await Driver.CompleteAsync(job.Id);
        (await Services.GetRequiredService<JobControl>().RegenerateAsync(UserId, job.Id, 2, null, CancellationToken.None)).Outcome.Should().Be(JobCommandOutcome.Done);
        await Driver.CompleteAsync(job.Id);
        var page = Render<JobPage>(p => p.Add(c => c.Id, job.Id));
        page.WaitForAssertion(() => page.FindAll("[data-segment='2'] [data-take]").Should().HaveCount(2));
        page.FindAll("[data-segment='0'] [data-take]").Should().BeEmpty("one take needs no choice");

        await page.Find("[data-segment='2'] [data-take='1']").ClickAsync(new());

        page.WaitForAssertion(() => page.Find("[data-testid=segments-done]").TextContent.Should().Contain("putting the final cut together"));
        var after = await ReadJobAsync(job.Id);
        after.Status.Should().Be(JobStatus.Assembling);
        after.Segments[2].SelectedTake.Should().Be(1);
    }

    [Fact]
    public async Task Draft_OffersNoCommands()
    {
        var job = await CreateJobAsync();

        var page = Render<JobPage>(p => p.Add(c => c.Id, job.Id));

        page.WaitForAssertion(() => page.Find("[data-testid=segments-done]"));
        page.FindAll("[data-testid=job-actions]").Should().BeEmpty();
        page.FindAll("[data-testid^=regenerate-]").Should().BeEmpty();
    }
}
