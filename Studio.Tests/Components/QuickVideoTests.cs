using Bunit;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;
using Studio.App.Components.Pages;
using Studio.Core.Jobs;

namespace Studio.Tests.Components;

public sealed class QuickVideoTests : StudioComponentTest
{
    [Fact]
    public void Render_Templates_DefaultsToReelsAndPreviewsWhatItMakes()
    {
        var page = Render<QuickVideo>();

        page.WaitForAssertion(() => page.Find("[data-testid=template-preview]").TextContent.Should().Contain("Reels 30s Standard"));
        page.Find("[data-testid=preview-segments]").TextContent.Should().Contain("6 segments of 5 s");
        page.Find("[data-testid=preview-duration]").TextContent.Should().Contain("30 s in total");
        page.Find("[data-testid=preview-ratio]").TextContent.Should().Contain("9:16 vertical");
        page.FindAll(".storyboard li").Should().HaveCount(6);
    }

    [Fact]
    public void Theme_Typed_DraftsTheStoryboardFromIt()
    {
        var page = Render<QuickVideo>();
        page.WaitForAssertion(() => page.FindAll(".storyboard li").Should().HaveCount(6));

        page.Find("textarea").Input("Coffee rituals");

        page.WaitForAssertion(() => page.FindAll(".storyboard li")[0].TextContent.Should().Be("Coffee rituals"));
    }

    [Fact]
    public async Task Generate_EmptyTheme_ShowsTheMessageAtTheThemeField()
    {
        var page = Render<QuickVideo>();
        page.WaitForAssertion(() => page.Find("button[data-testid=generate]").HasAttribute("disabled").Should().BeFalse());

        await page.Find("button[data-testid=generate]").ClickAsync(new());

        page.WaitForAssertion(() =>
        {
            var themeField = page.Find("textarea").Closest(".mud-input-control")!;
            themeField.QuerySelector(".mud-input-helper-text.mud-input-error")!.TextContent.Should().Contain("Say what the video is about.");
        });
        (await Jobs.ListAsync(UserId, CancellationToken.None)).Should().BeEmpty();
    }

    [Fact]
    public void Render_NotInteractiveYet_DisablesGenerate()
    {
        SetRendererInfo(new RendererInfo("Static", isInteractive: false));

        var page = Render<QuickVideo>();

        page.WaitForAssertion(() => page.FindAll("[data-testid=template-preview]").Should().ContainSingle());
        page.Find("button[data-testid=generate]").HasAttribute("disabled").Should().BeTrue();
    }

    [Fact]
    public async Task Generate_ValidTheme_CreatesAndStartsTheJobThenOpensItsPage()
    {
        var page = Render<QuickVideo>();
        page.WaitForAssertion(() => page.FindAll("[data-testid=template-preview]").Should().ContainSingle());
        page.Find("textarea").Input("Three habits of fast remote teams");
        page.Find("input#title").Change("Remote habits");

        await page.Find("button[data-testid=generate]").ClickAsync(new());

        var navigation = Services.GetRequiredService<NavigationManager>();
        var job = (await Jobs.ListAsync(UserId, CancellationToken.None)).Should().ContainSingle().Subject;
        job.Title.Should().Be("Remote habits");
        job.TemplateName.Should().Be("Reels 30s Standard");
        job.Status.Should().Be(JobStatus.Queued);
        navigation.Uri.Should().EndWith($"/jobs/{job.Id}");
    }

    [Fact]
    public async Task Generate_CaptionsSwitchedOn_CreatesAJobWithCaptions()
    {
        var page = Render<QuickVideo>();
        page.WaitForAssertion(() => page.FindAll("[data-testid=template-preview]").Should().ContainSingle());
        page.Find("textarea").Input("Three habits of fast remote teams");
        page.Find("[data-testid=cut-options] input[type=checkbox]").Change(true);

        await page.Find("button[data-testid=generate]").ClickAsync(new());

        var created = (await Jobs.ListAsync(UserId, CancellationToken.None)).Should().ContainSingle().Subject;
        var job = await Jobs.GetAsync(UserId, created.Id, CancellationToken.None);
        job!.Captions.Should().BeTrue();
        job.Voice.Should().BeNull("no voice-over was chosen");
        job.Segments.Should().OnlyContain(s => s.Narration.Length > 0, "the offline writer drafts the narration the captions show");
    }

    [Fact]
    public async Task Generate_EditedNarration_IsKeptAndTheRestIsWritten()
    {
        var page = Render<QuickVideo>();
        page.WaitForAssertion(() => page.FindAll("[data-testid=template-preview]").Should().ContainSingle());
        page.Find("textarea").Input("Coffee rituals");
        await page.Find("[data-testid=storyboard-editor] .mud-expand-panel-header").ClickAsync(new());
        page.WaitForAssertion(() => page.Find("input#narration-1").GetAttribute("value").Should().Be("Why it matters: Coffee rituals."));

        page.Find("input#narration-1").Change("Parce que le café, c'est la vie.");
        page.Find("input#prompt-2").Change("A steaming cup on a wooden table");
        await page.Find("button[data-testid=generate]").ClickAsync(new());

        var created = (await Jobs.ListAsync(UserId, CancellationToken.None)).Should().ContainSingle().Subject;
        var job = await Jobs.GetAsync(UserId, created.Id, CancellationToken.None);
        job!.Segments[1].Narration.Should().Be("Parce que le café, c'est la vie.");
        job.Segments[2].Prompt.Should().Be("A steaming cup on a wooden table");
        job.Segments[0].Narration.Should().Be("Coffee rituals: here is what you need to know.");
        job.Segments[0].Prompt.Should().Be("Coffee rituals");
    }

    [Fact]
    public void Render_DatabaseFails_ShowsErrorWithRetry()
    {
        Database.Fail(new InvalidOperationException("database is locked"));

        var page = Render<QuickVideo>();

        page.WaitForAssertion(() => page.Find("[data-testid=templates-error]").TextContent.Should().Contain("could not be loaded"));
        Database.Open();
        page.Find("[data-testid=templates-error] button").Click();
        page.WaitForAssertion(() => page.FindAll("[data-testid=template-preview]").Should().ContainSingle());
    }
}
