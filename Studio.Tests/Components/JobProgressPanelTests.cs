using Bunit;
using Studio.App.Components.Shared;

namespace Studio.Tests.Components;

public sealed class JobProgressPanelTests : StudioComponentTest
{
    [Fact]
    public async Task Render_RunningJob_ShowsEachSegmentsStatusAndProgress()
    {
        var created = await CreateJobAsync();
        await Driver.ClaimAsync(created.Id);
        await Driver.SucceedSegmentAsync(created.Id, 0);
        await Driver.RenderSegmentAsync(created.Id, 1, 0.4);
        var job = await ReadJobAsync(created.Id);

        var panel = Render<JobProgressPanel>(p => p.Add(c => c.Job, job));

        var cards = panel.FindAll("[data-segment]");
        cards.Should().HaveCount(6);
        cards[0].QuerySelector(".status-chip")!.TextContent.Should().Contain("Done");
        cards[0].QuerySelector(".segment-percent")!.TextContent.Should().Be("100%");
        cards[1].QuerySelector(".status-chip")!.TextContent.Should().Contain("Rendering");
        cards[1].QuerySelector(".segment-percent")!.TextContent.Should().Be("40%");
        cards[2].QuerySelector(".status-chip")!.TextContent.Should().Contain("Waiting");
        cards[2].QuerySelector(".segment-percent")!.TextContent.Should().Be("0%");
        cards[1].TextContent.Should().Contain(job.Segments[1].Prompt).And.Contain("1 attempt");
        cards[1].QuerySelector("[data-testid=segment-narration]")!.TextContent.Should().Be($"“{job.Segments[1].Narration}”");
    }

    [Fact]
    public async Task Render_RunningJob_ShowsOverallPercentAndDoneCount()
    {
        var created = await CreateJobAsync();
        await Driver.ClaimAsync(created.Id);
        await Driver.SucceedSegmentAsync(created.Id, 0);
        await Driver.SucceedSegmentAsync(created.Id, 1);
        await Driver.RenderSegmentAsync(created.Id, 2, 0.5);
        var job = await ReadJobAsync(created.Id);

        var panel = Render<JobProgressPanel>(p => p.Add(c => c.Job, job));

        // 90 % of the bar is generation: (1 + 1 + 0.5) / 6 segments × 0.9 = 37.5 %, shown rounded down.
        panel.Find("[data-testid=overall-percent]").TextContent.Should().Be(Formats.Percent(job.Progress)).And.Be("37%");
        panel.Find("[data-testid=segments-done]").TextContent.Should().Contain("2 of 6 segments done");
    }

    [Fact]
    public async Task Render_FailedSegment_ShowsItsError()
    {
        var created = await CreateJobAsync();
        await Driver.ClaimAsync(created.Id);
        await Driver.RenderSegmentAsync(created.Id, 3, 0.2);
        await Driver.FailSegmentAsync(created.Id, 3, "The provider refused the prompt.");
        var job = await ReadJobAsync(created.Id);

        var panel = Render<JobProgressPanel>(p => p.Add(c => c.Job, job));

        var card = panel.Find("[data-segment='3']");
        card.QuerySelector(".status-chip")!.TextContent.Should().Contain("Failed");
        card.QuerySelector(".segment-error")!.TextContent.Should().Contain("The provider refused the prompt.");
    }
}
