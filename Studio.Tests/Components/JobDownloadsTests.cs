using Bunit;
using Studio.App.Components.Shared;
using Studio.Core.Jobs;

namespace Studio.Tests.Components;

public sealed class JobDownloadsTests : StudioComponentTest
{
    [Fact]
    public async Task Render_EveryOutputMade_OffersTheFourDownloads()
    {
        var job = (await CreateJobAsync(title: "Launch teaser")) with { Downloads = new AvailableDownloads(true, true, true, true) };

        var downloads = Render<JobDownloads>(p => p.Add(c => c.Job, job));

        downloads.Find("a[data-testid=download-video]").GetAttribute("href").Should().Be($"/api/jobs/{job.Id}/video");
        downloads.Find("a[data-testid=download-video]").GetAttribute("download").Should().Be("launch-teaser.mp4");
        downloads.Find("a[data-testid=download-poster]").GetAttribute("href").Should().Be($"/api/jobs/{job.Id}/poster");
        downloads.Find("a[data-testid=download-captions]").GetAttribute("href").Should().Be($"/api/jobs/{job.Id}/captions.srt");
        downloads.Find("a[data-testid=download-captions]").GetAttribute("download").Should().Be("launch-teaser.srt");
        downloads.Find("a[data-testid=download-clips]").GetAttribute("href").Should().Be($"/api/jobs/{job.Id}/clips.zip");
    }

    [Fact]
    public async Task Render_NoCaptionsMade_OffersOnlyWhatExists()
    {
        var job = (await CreateJobAsync()) with { Downloads = new AvailableDownloads(true, true, false, true) };

        var downloads = Render<JobDownloads>(p => p.Add(c => c.Job, job));

        downloads.FindAll("a[data-testid]").Select(a => a.GetAttribute("data-testid")).Should().Equal("download-video", "download-poster", "download-clips");
    }

    [Fact]
    public async Task Render_NothingMadeYet_RendersNothing()
    {
        var job = await CreateJobAsync();

        var downloads = Render<JobDownloads>(p => p.Add(c => c.Job, job));

        downloads.Markup.Trim().Should().BeEmpty();
    }
}
