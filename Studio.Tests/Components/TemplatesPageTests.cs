using Bunit;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Studio.App.Components.Pages.Templates;
using Studio.Core.Templates;

namespace Studio.Tests.Components;

/// <summary>The templates list over the real <see cref="TemplateEditor"/>: cards, read-only badges, duplicate, delete with confirmation.</summary>
public sealed class TemplatesPageTests : StudioComponentTest
{
    private TemplateEditor Editor => Services.GetRequiredService<TemplateEditor>();

    public override Task InitializeAsync()
    {
        // The shared services builder does not register the template editor (yet); the pages need it.
        Services.TryAddSingleton<TemplateEditor>();
        return base.InitializeAsync();
    }

    [Fact]
    public async Task Render_Templates_ShowsACardPerTemplateWithItsShape()
    {
        await CreateTemplateAsync("Mine", UserId);

        var page = Render<TemplatesPage>();

        page.WaitForAssertion(() => page.FindAll("[data-testid=template-card]").Should().HaveCount(4));
        var reels = Card(page, DefaultTemplates.Reels30);
        reels.TextContent.Should().Contain("9:16").And.Contain("6 × 5 s").And.Contain("Inert (local)").And.Contain("Text to video");
    }

    [Fact]
    public async Task Render_BuiltInAndOthers_AreReadOnlyWithoutDelete_OwnIsEditable()
    {
        await CreateTemplateAsync("Mine", UserId);
        await CreateTemplateAsync("Theirs", OtherUserId);

        var page = Render<TemplatesPage>();
        page.WaitForAssertion(() => page.FindAll("[data-testid=template-card]").Should().HaveCount(5));

        Card(page, DefaultTemplates.Reels30).QuerySelector("[data-testid=read-only]")!.TextContent.Should().Contain("Built-in");
        Card(page, DefaultTemplates.Reels30).QuerySelector("[data-testid=delete]").Should().BeNull();
        Card(page, DefaultTemplates.Reels30).QuerySelector("[data-testid=duplicate]").Should().NotBeNull();
        Card(page, "Theirs").QuerySelector("[data-testid=read-only]")!.TextContent.Trim().Should().Be("Read-only");
        Card(page, "Theirs").QuerySelector("[data-testid=delete]").Should().BeNull();
        Card(page, "Mine").QuerySelector("[data-testid=read-only]").Should().BeNull();
        Card(page, "Mine").QuerySelector("[data-testid=delete]").Should().NotBeNull();
        Card(page, "Mine").QuerySelector("[data-testid=edit]")!.TextContent.Should().Contain("Edit");
    }

    [Fact]
    public async Task Delete_AsksFirst_KeepItLeavesTheTemplate()
    {
        var mine = await CreateTemplateAsync("Mine", UserId);
        var page = Render<TemplatesPage>();
        page.WaitForAssertion(() => Card(page, "Mine").Should().NotBeNull());

        await Card(page, "Mine").QuerySelector("button[data-testid=delete]")!.ClickAsync(new());

        Card(page, "Mine").QuerySelector("[data-testid=delete-confirm]")!.TextContent.Should().Contain("videos already made from it keep working");
        (await Editor.GetAsync(mine.Id, CancellationToken.None)).Should().NotBeNull("nothing is deleted before the confirmation");
        await Card(page, "Mine").QuerySelector("button[data-testid=delete-cancel]")!.ClickAsync(new());
        Card(page, "Mine").QuerySelector("[data-testid=delete-confirm]").Should().BeNull();
        (await Editor.GetAsync(mine.Id, CancellationToken.None)).Should().NotBeNull();
    }

    [Fact]
    public async Task Delete_Confirmed_ArchivesItAndItsJobKeepsItsShape()
    {
        var mine = await CreateTemplateAsync("Mine", UserId);
        var job = await Jobs.CreateAsync(UserId, new Studio.Core.Jobs.CreateJobCommand(null, "Before the deletion", mine.Id.ToString()), CancellationToken.None);
        var page = Render<TemplatesPage>();
        page.WaitForAssertion(() => Card(page, "Mine").Should().NotBeNull());

        await Card(page, "Mine").QuerySelector("button[data-testid=delete]")!.ClickAsync(new());
        await Card(page, "Mine").QuerySelector("button[data-testid=delete-yes]")!.ClickAsync(new());

        page.WaitForAssertion(() => page.Find("[data-testid=templates-notice]").TextContent.Should().Contain("“Mine” was deleted"));
        page.FindAll("[data-testid=template-card]").Should().NotContain(c => c.GetAttribute("data-template") == "Mine");
        (await Editor.GetAsync(mine.Id, CancellationToken.None)).Should().BeNull();
        (await ReadJobAsync(job.Job!.Id)).Segments.Should().HaveCount(3);
    }

    [Fact]
    public async Task Duplicate_BuiltIn_MakesAnOwnCopyAndOpensIt()
    {
        var page = Render<TemplatesPage>();
        page.WaitForAssertion(() => Card(page, DefaultTemplates.Reels30).Should().NotBeNull());

        await Card(page, DefaultTemplates.Reels30).QuerySelector("button[data-testid=duplicate]")!.ClickAsync(new());

        var copy = (await Services.GetRequiredService<TemplateCatalog>().FindAsync("Copy of Reels 30s Standard", CancellationToken.None))!;
        copy.OwnerId.Should().Be(UserId);
        copy.SegmentCount.Should().Be(6);
        Services.GetRequiredService<NavigationManager>().Uri.Should().EndWith($"/templates/{copy.Id}");
    }

    [Fact]
    public void Render_NotInteractiveYet_DisablesTheActions()
    {
        SetRendererInfo(new RendererInfo("Static", isInteractive: false));

        var page = Render<TemplatesPage>();

        page.WaitForAssertion(() => page.FindAll("[data-testid=template-card]").Should().NotBeEmpty());
        page.FindAll("button[data-testid=duplicate]").Should().OnlyContain(b => b.HasAttribute("disabled"));
    }

    [Fact]
    public void Render_WhileTheListLoads_ShowsLoadingState()
    {
        Database.Hold();

        var page = Render<TemplatesPage>();

        page.FindAll("[data-testid=templates-loading]").Should().ContainSingle();
        Database.Open();
        page.WaitForAssertion(() => page.FindAll("[data-testid=template-card]").Should().HaveCount(3));
        page.FindAll("[data-testid=templates-loading]").Should().BeEmpty();
    }

    [Fact]
    public async Task Render_DatabaseFails_ShowsErrorAndRetryLoadsTheList()
    {
        Database.Fail(new InvalidOperationException("database is locked"));

        var page = Render<TemplatesPage>();

        page.WaitForAssertion(() => page.Find("[data-testid=templates-error]").TextContent.Should().Contain("could not be loaded"));
        Database.Open();
        await page.Find("button[data-testid=templates-retry]").ClickAsync(new());
        page.WaitForAssertion(() => page.FindAll("[data-testid=template-card]").Should().HaveCount(3));
    }

    [Fact]
    public async Task Render_NoTemplates_ShowsEmptyStateWithCallToAction()
    {
        foreach (var template in await Services.GetRequiredService<TemplateCatalog>().ListAsync(CancellationToken.None))
        {
            await Editor.DeleteAsync("admin", isAdmin: true, template.Id, CancellationToken.None);
        }

        var page = Render<TemplatesPage>();

        page.WaitForAssertion(() => page.Find("[data-testid=templates-empty]").TextContent.Should().Contain("There are no templates yet."));
        page.Find("[data-testid=templates-empty] a").GetAttribute("href").Should().Be("/templates/new");
    }

    private static AngleSharp.Dom.IElement Card(IRenderedComponent<TemplatesPage> page, string name) =>
        page.FindAll("[data-testid=template-card]").Single(c => c.GetAttribute("data-template") == name);

    private async Task<VideoTemplate> CreateTemplateAsync(string name, string owner)
    {
        var result = await Editor.CreateAsync(owner, new TemplateInput(name, "A test template", "9:16", 3, 5, "local"), CancellationToken.None);
        return result.Template!;
    }
}
