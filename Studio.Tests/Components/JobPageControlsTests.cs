using System.Globalization;
using Bunit;
using Studio.App.Components.Pages;
using Studio.App.Components.Shared;
using Studio.Core.Jobs;
using Studio.Core.Segments;

namespace Studio.Tests.Components;

/// <summary>The job page's newer controls: a clip played in place, time per segment, assembling a finished cut again; and its French.</summary>
public sealed class JobPageControlsTests : StudioComponentTest
{
    [Fact]
    public async Task FinishedSegment_PlaysItsClipInPlace_AndShowsTheTimeItTook()
    {
        var created = await CreateJobAsync();
        await Driver.ClaimAsync(created.Id);
        await Driver.SucceedSegmentAsync(created.Id, 0);
        await Driver.RenderSegmentAsync(created.Id, 1, 0.4);
        var job = await ReadJobAsync(created.Id);

        var panel = Render<JobProgressPanel>(p => p.Add(c => c.Job, job).Add(c => c.Now, job.Segments[1].StartedAt!.Value.AddSeconds(75)));

        panel.FindAll("[data-testid=play-1]").Should().BeEmpty("a segment still rendering has no clip to play");
        panel.FindAll("[data-testid=clip-0]").Should().BeEmpty("clips load only when asked for");
        panel.Find("[data-testid=segment-elapsed-1]").TextContent.Should().Contain("1 min 15 s");
        await panel.Find("[data-testid=play-0]").ClickAsync(new());

        var video = panel.Find("[data-testid=clip-0] video");
        video.GetAttribute("src").Should().Be($"/api/jobs/{job.Id}/segments/0/takes/1/clip");
        panel.Find("[data-testid=play-0]").TextContent.Should().Contain("Hide clip");
        await panel.Find("[data-testid=play-0]").ClickAsync(new());
        panel.FindAll("[data-testid=clip-0]").Should().BeEmpty();
    }

    [Fact]
    public async Task CompletedJob_AssembleAgain_QueuesTheCutWithoutNewClips()
    {
        var created = await CreateJobAsync();
        await Driver.ClaimAsync(created.Id);
        await Driver.CompleteAsync(created.Id);
        var page = Render<JobPage>(p => p.Add(c => c.Id, created.Id));
        page.WaitForAssertion(() => page.Find("[data-testid=reassemble-job]"));

        await page.Find("[data-testid=reassemble-job]").ClickAsync(new());

        var job = await ReadJobAsync(created.Id);
        job.Status.Should().Be(JobStatus.Assembling);
        job.Segments.Should().OnlyContain(s => s.Status == SegmentStatus.Succeeded && s.Submissions <= 1, "no clip is made again");
    }

    [Fact]
    public async Task RunningJob_OffersNoAssembleAgain()
    {
        var created = await CreateJobAsync();
        await Driver.ClaimAsync(created.Id);
        var page = Render<JobPage>(p => p.Add(c => c.Id, created.Id));

        page.WaitForAssertion(() => page.Find("[data-testid=cancel-job]"));
        page.FindAll("[data-testid=reassemble-job]").Should().BeEmpty();
    }

    [Fact]
    public async Task InFrench_TheProgressAndEveryStatusAreTranslated()
    {
        var created = await CreateJobAsync();
        await Driver.ClaimAsync(created.Id);
        await Driver.SucceedSegmentAsync(created.Id, 0);
        var job = await ReadJobAsync(created.Id);
        var before = CultureInfo.CurrentUICulture;
        CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo("fr-FR");
        try
        {
            var panel = Render<JobProgressPanel>(p => p.Add(c => c.Job, job));
            panel.Find("[data-testid=segments-done]").TextContent.Should().Contain("1 segments sur 6 terminés");
            panel.Find("[data-segment='0'] .status-chip").TextContent.Should().Contain("Terminé");
            panel.Markup.Should().Contain("Lire le clip").And.NotContain("Play clip");

            foreach (var status in Enum.GetValues<JobStatus>())
            {
                var chip = Render<StatusChip>(p => p.Add(c => c.JobStatus, status));
                chip.Find(".status-chip").TextContent.Trim().Should().NotBe(StatusLook.Of(status).Label, $"{status} has a French name");
            }

            foreach (var status in Enum.GetValues<SegmentStatus>())
            {
                var chip = Render<StatusChip>(p => p.Add(c => c.SegmentStatus, status));
                chip.Find(".status-chip").TextContent.Trim().Should().NotBe(StatusLook.Of(status).Label, $"{status} has a French name");
            }
        }
        finally
        {
            CultureInfo.CurrentUICulture = before;
        }
    }
}
