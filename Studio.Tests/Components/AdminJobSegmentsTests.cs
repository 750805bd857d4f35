using Bunit;
using AngleSharp.Dom;
using Studio.App.Components.Admin;
using Studio.Core.Segments;

namespace Studio.Tests.Components;

/// <summary>Inline prompt edits under a job's admin row: validation at the field, and the save telling how it was taken.</summary>
public sealed class AdminJobSegmentsTests : AdminComponentTest
{
    [Fact]
    public async Task SaveBlankPrompt_SaysEnterAPromptAtTheField_AndChangesNothing()
    {
        var job = await CreateJobAsync(owner: OtherUserId);
        var before = job.Segments[0].Prompt;
        var segments = Render<AdminJobSegments>(p => p.Add(x => x.JobId, job.Id));
        segments.WaitForAssertion(() => segments.FindAll("[data-testid=admin-segments] .admin-segment").Should().HaveCount(job.Segments.Count));

        Field(segments, "segment-prompt-0").Input("   ");
        segments.Find("[data-testid=segment-save-0]").Click();

        segments.WaitForAssertion(() => (segments.Find("[data-testid=segment-prompt-0]").Closest(".mud-input-control")!.QuerySelector(".mud-input-helper-text")?.TextContent).Should().Contain("Enter a prompt."));
        (await Jobs.GetAsync(OtherUserId, job.Id, CancellationToken.None))!.Segments[0].Prompt.Should().Be(before);
    }

    [Fact]
    public async Task SaveTooLongPrompt_ShowsTheReasonAtTheField()
    {
        var job = await CreateJobAsync(owner: OtherUserId);
        var segments = Render<AdminJobSegments>(p => p.Add(x => x.JobId, job.Id));
        segments.WaitForAssertion(() => segments.FindAll(".admin-segment").Should().NotBeEmpty());

        Field(segments, "segment-prompt-1").Input(new string('a', Segment.MaxPromptLength + 5));
        segments.Find("[data-testid=segment-save-1]").Click();

        segments.WaitForAssertion(() => segments.Markup.Should().Contain($"at most {Segment.MaxPromptLength} are accepted"));
    }

    [Fact]
    public async Task SavePromptOfPendingSegment_ChangesItForTheComingTake()
    {
        var job = await CreateJobAsync(owner: OtherUserId);
        var segments = Render<AdminJobSegments>(p => p.Add(x => x.JobId, job.Id));
        segments.WaitForAssertion(() => segments.FindAll(".admin-segment").Should().NotBeEmpty());
        segments.Find("[data-testid=segment-save-0]").HasAttribute("disabled").Should().BeTrue("nothing was changed yet");

        Field(segments, "segment-prompt-0").Input("A lighthouse in fog");
        segments.Find("[data-testid=segment-save-0]").Click();

        segments.WaitForAssertion(() => segments.Find("[data-testid=segment-saved-0]").TextContent.Trim().Should().Be("Saved: the coming take uses it."));
        (await Jobs.GetAsync(OtherUserId, job.Id, CancellationToken.None))!.Segments[0].Prompt.Should().Be("A lighthouse in fog");
    }

    private static IElement Field(IRenderedComponent<AdminJobSegments> segments, string testId)
    {
        var element = segments.Find($"[data-testid={testId}]");
        return element.TagName is "INPUT" or "TEXTAREA" ? element : element.QuerySelector("input, textarea")!;
    }
}
