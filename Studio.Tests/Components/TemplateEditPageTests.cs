using System.Globalization;
using AngleSharp.Dom;
using Bunit;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using MudBlazor;
using Studio.App.Components.Pages.Templates;
using Studio.Core.Segments;
using Studio.Core.Templates;

namespace Studio.Tests.Components;

/// <summary>The template editor over the real <see cref="TemplateEditor"/>: messages at their fields, the prompt list and timeline following the count, modes following the provider, read-only for templates the user may not change.</summary>
public sealed class TemplateEditPageTests : StudioComponentTest
{
    private IRenderedComponent<MudPopoverProvider>? _popovers;

    private TemplateEditor Editor => Services.GetRequiredService<TemplateEditor>();

    public override Task InitializeAsync()
    {
        // The shared services builder does not register the template editor (yet); the pages need it.
        Services.TryAddSingleton<TemplateEditor>();
        return base.InitializeAsync();
    }

    protected override StudioServicesBuilder Configure(StudioServicesBuilder builder) => builder
        .WithProvider(new InertVideoProvider("local"))
        .WithProvider(new ConfigurableVideoProvider("multi", "Every Mode") { Modes = [GenerationMode.TextToVideo, GenerationMode.ImageToVideo, GenerationMode.VideoToVideo] })
        .WithProvider(new ConfigurableVideoProvider("stills", "Stills Only") { Modes = [GenerationMode.ImageToVideo] })
        .WithProvider(new ConfigurableVideoProvider("wide", "Widescreen Only") { AspectRatios = [AspectRatio.Landscape16x9] });

    [Fact]
    public async Task Save_EmptyName_ShowsTheMessageAtTheNameFieldAndCreatesNothing()
    {
        var page = RenderNew();
        var before = (await Services.GetRequiredService<TemplateCatalog>().ListAsync(CancellationToken.None)).Count;

        await SaveAsync(page);

        page.WaitForAssertion(() => FieldError(page, "input#name").Should().Be("Give the template a name."));
        page.Find("[data-testid=form-errors]").TextContent.Should().Contain("Nothing was saved yet", "the message also shows beside Save, which may be far below the field");
        (await Services.GetRequiredService<TemplateCatalog>().ListAsync(CancellationToken.None)).Should().HaveCount(before);
    }

    [Fact]
    public async Task Save_InFrench_ShowsTheEditorsMessagesInFrenchAtTheirFields()
    {
        var before = CultureInfo.CurrentUICulture;
        CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo("fr-FR");
        try
        {
            var page = RenderNew();
            page.Find("input#segment-count").Input("21");

            await SaveAsync(page);

            page.WaitForAssertion(() => FieldError(page, "input#name").Should().Be("Donnez un nom au modèle."));
            FieldError(page, "input#segment-count").Should().Be("Un modèle compte de 1 à 20 segments.");
            page.Find("[data-testid=form-errors]").TextContent.Should().Contain("Rien n’est encore enregistré");
        }
        finally
        {
            CultureInfo.CurrentUICulture = before;
        }
    }

    [Theory]
    [InlineData("name", "Reels 30s Standard", "A template named 'Reels 30s Standard' already exists; choose another name.")]
    [InlineData("name", "81", "The name is 81 characters long; keep it to 80.")]
    [InlineData("description", "501", "The description is 501 characters long; keep it to 500.")]
    [InlineData("style-prompt", "501", "The style prompt is 501 characters long; keep it to 500.")]
    public async Task Save_BadText_ShowsTheEditorsMessageAtThatField(string field, string value, string message)
    {
        var page = RenderNew();
        page.Find("input#name").Input("A fine name");
        var text = int.TryParse(value, out var length) ? new string('a', length) : value;

        Type(page, field, text);
        await SaveAsync(page);

        page.WaitForAssertion(() => FieldError(page, $"#{field}").Should().Be(message));
    }

    [Theory]
    [InlineData("segment-count", "0", "A template has 1 to 20 segments.")]
    [InlineData("segment-count", "21", "A template has 1 to 20 segments.")]
    [InlineData("segment-seconds", "1", "A segment lasts 2 to 20 seconds.")]
    [InlineData("segment-seconds", "21", "A segment lasts 2 to 20 seconds.")]
    [InlineData("segment-seconds", "15", "Inert (local) fills segments of at most 10 s.")]
    public async Task Save_NumberOutOfRange_ShowsTheMessageAtThatField(string field, string value, string message)
    {
        var page = RenderNew();
        page.Find("input#name").Input("Numbers");

        page.Find($"input#{field}").Input(value);
        await SaveAsync(page);

        page.WaitForAssertion(() => FieldError(page, $"input#{field}").Should().Be(message));
    }

    [Fact]
    public async Task Save_ProviderCannotRenderTheShape_ShowsTheMessageAtTheProvider()
    {
        var page = RenderNew();
        page.Find("input#name").Input("Vertical on a wide provider");
        var provider = page.FindComponents<MudSelect<string>>().Single(s => s.Instance.Label == "Default provider");

        await provider.InvokeAsync(() => provider.Instance.ValueChanged.InvokeAsync("wide"));
        await SaveAsync(page);

        page.WaitForAssertion(() => FieldError(page, "input[data-testid=provider]").Should().Be("Widescreen Only cannot render 9:16 videos."));
    }

    [Fact]
    public async Task Save_PromptTooLong_ShowsTheMessageAtThatSegmentsPrompt()
    {
        var page = RenderNew();
        page.Find("input#name").Input("Long prompt");

        page.Find("input#prompt-2").Input(new string('p', Segment.MaxPromptLength + 1));
        await SaveAsync(page);

        page.WaitForAssertion(() => FieldError(page, "input#prompt-2").Should().Be("Segment 3's prompt is 1001 characters long; keep it to 1000."));
        FieldError(page, "input#prompt-1").Should().BeNull();
    }

    [Fact]
    public async Task Field_ChangedAfterAnError_ClearsItsMessage()
    {
        var page = RenderNew();
        await SaveAsync(page);
        page.WaitForAssertion(() => FieldError(page, "input#name").Should().NotBeNull());

        page.Find("input#name").Input("Now named");

        FieldError(page, "input#name").Should().BeNull();
    }

    [Fact]
    public void SegmentCount_Changed_PromptListAndTimelineFollow()
    {
        var page = RenderNew();
        page.FindAll("[data-testid=prompt-row]").Should().HaveCount(6);
        page.Find("input#prompt-4").Input("kept while hidden");

        page.Find("input#segment-count").Input("3");

        page.FindAll("[data-testid=prompt-row]").Should().HaveCount(3);
        page.FindAll("[data-testid=timeline-segment]").Should().HaveCount(3);
        page.FindAll("[data-testid=timeline-transition]").Should().HaveCount(2);

        page.Find("input#segment-count").Input("8");

        page.FindAll("[data-testid=prompt-row]").Should().HaveCount(8);
        page.FindAll("[data-testid=timeline-segment]").Should().HaveCount(8);
        page.Find("input#prompt-4").GetAttribute("value").Should().Be("kept while hidden");
        page.Find("[data-testid=timeline-summary]").TextContent.Should().Be("8 segments × 5 s = 40 s");
    }

    [Fact]
    public void Prompt_Typed_ShowsInItsTimelineBlock()
    {
        var page = RenderNew();

        page.Find("input#prompt-1").Input("A sunrise over the harbour");

        page.FindAll("[data-testid=timeline-segment]")[1].TextContent.Should().Contain("A sunrise over the harbour");
    }

    [Fact]
    public void SegmentCount_Emptied_TimelineInvitesInsteadOfDrawing()
    {
        var page = RenderNew();

        page.Find("input#segment-count").Input(string.Empty);

        page.FindAll("[data-testid=timeline-empty]").Should().ContainSingle();
        page.FindAll("[data-testid=timeline-segment]").Should().BeEmpty();
        page.FindAll("[data-testid=prompt-row]").Should().BeEmpty();
    }

    [Fact]
    public async Task Provider_Changed_ModeOptionsAreOnlyItsModes()
    {
        var page = RenderNew();
        var provider = page.FindComponents<MudSelect<string>>().Single(s => s.Instance.Label == "Default provider");
        (await OpenModesAsync(page)).Should().Equal("TextToVideo");

        await provider.InvokeAsync(() => provider.Instance.ValueChanged.InvokeAsync("multi"));
        (await OpenModesAsync(page)).Should().Equal("TextToVideo", "ImageToVideo", "VideoToVideo");

        await provider.InvokeAsync(() => provider.Instance.ValueChanged.InvokeAsync("stills"));
        (await OpenModesAsync(page)).Should().Equal("ImageToVideo");
        page.Find("input[data-testid=mode]").GetAttribute("value").Should().Be("Image to video", "a mode the provider lacks is not kept");
    }

    [Fact]
    public async Task Save_ValidNewTemplate_CreatesItOwnedByTheUserAndGoesBackToTheList()
    {
        var page = RenderNew();
        page.Find("input#name").Input("Team update");
        page.Find("input#segment-count").Input("2");
        page.Find("input#segment-seconds").Input("4");
        page.Find("input#prompt-0").Input("{theme}");
        var captions = page.FindComponents<MudSwitch<bool>>().Single();
        await captions.InvokeAsync(() => captions.Instance.ValueChanged.InvokeAsync(true));

        await SaveAsync(page);

        var navigation = Services.GetRequiredService<NavigationManager>();
        page.WaitForAssertion(() => navigation.Uri.Should().EndWith("/templates"));
        var saved = (await Services.GetRequiredService<TemplateCatalog>().FindAsync("Team update", CancellationToken.None))!;
        saved.OwnerId.Should().Be(UserId);
        saved.SegmentCount.Should().Be(2);
        saved.SegmentSeconds.Should().Be(4);
        saved.DefaultPrompts.Should().Equal("{theme}", "");
        saved.Captions.Should().BeTrue();
    }

    [Fact]
    public async Task Edit_OwnTemplate_SavesTheChangesAndShowsUnsavedUntilThen()
    {
        var own = await CreateTemplateAsync("Mine", UserId);
        var page = Render<TemplateEditPage>(p => p.Add(x => x.Id, own.Id));
        page.WaitForAssertion(() => page.Find("input#name").GetAttribute("value").Should().Be("Mine"));
        page.FindAll("[data-testid=unsaved]").Should().BeEmpty();

        page.Find("input#segment-count").Input("4");

        page.FindAll("[data-testid=unsaved]").Should().ContainSingle();
        await SaveAsync(page);
        page.WaitForAssertion(() => Services.GetRequiredService<NavigationManager>().Uri.Should().EndWith("/templates"));
        (await Editor.GetAsync(own.Id, CancellationToken.None))!.SegmentCount.Should().Be(4);
    }

    [Fact]
    public async Task Cancel_WithUnsavedChanges_AsksBeforeDiscarding()
    {
        var page = RenderNew();
        page.Find("input#name").Input("Half done");
        var navigation = Services.GetRequiredService<NavigationManager>();

        await page.Find("button[data-testid=cancel]").ClickAsync(new());

        page.FindAll("[data-testid=discard-yes]").Should().ContainSingle();
        navigation.Uri.Should().NotEndWith("/templates", "nothing is left before the user says so");
        await page.Find("button[data-testid=discard-yes]").ClickAsync(new());
        navigation.Uri.Should().EndWith("/templates");
    }

    [Fact]
    public async Task Open_BuiltInTemplate_IsReadOnlyAndOffersDuplicate()
    {
        var reels = (await Services.GetRequiredService<TemplateCatalog>().FindAsync(DefaultTemplates.Reels30, CancellationToken.None))!;

        var page = Render<TemplateEditPage>(p => p.Add(x => x.Id, reels.Id));

        page.WaitForAssertion(() => page.Find("[data-testid=read-only-notice]").TextContent.Should().Contain("only an admin can change it"));
        page.Find("input#name").HasAttribute("disabled").Should().BeTrue();
        page.Find("input#segment-count").HasAttribute("disabled").Should().BeTrue();
        page.FindAll("input[data-testid=prompt]").Should().HaveCount(6).And.OnlyContain(i => i.HasAttribute("disabled"));
        page.FindAll("button[data-testid=save]").Should().BeEmpty();
        page.FindAll("[data-testid=timeline-segment]").Should().HaveCount(6);
    }

    [Fact]
    public async Task Open_AnotherUsersTemplate_IsReadOnly_DuplicateOpensAnOwnCopy()
    {
        var theirs = await CreateTemplateAsync("Theirs", OtherUserId);
        var page = Render<TemplateEditPage>(p => p.Add(x => x.Id, theirs.Id));
        page.WaitForAssertion(() => page.Find("[data-testid=read-only-notice]").TextContent.Should().Contain("Only its author or an admin"));

        await page.Find("button[data-testid=duplicate]").ClickAsync(new());

        var copy = (await Services.GetRequiredService<TemplateCatalog>().FindAsync("Copy of Theirs", CancellationToken.None))!;
        copy.OwnerId.Should().Be(UserId);
        Services.GetRequiredService<NavigationManager>().Uri.Should().EndWith($"/templates/{copy.Id}");
    }

    [Fact]
    public void Open_UnknownTemplate_SaysSo()
    {
        var page = Render<TemplateEditPage>(p => p.Add(x => x.Id, Guid.NewGuid()));

        page.WaitForAssertion(() => page.FindAll("[data-testid=editor-not-found]").Should().ContainSingle());
    }

    private IRenderedComponent<TemplateEditPage> RenderNew()
    {
        _popovers = Render<MudPopoverProvider>();
        var page = Render<TemplateEditPage>();
        page.WaitForAssertion(() => page.FindAll("input#name").Should().ContainSingle());
        return page;
    }

    private static void Type(IRenderedComponent<TemplateEditPage> page, string field, string text)
    {
        var input = page.FindAll($"input#{field}, textarea#{field}").Single();
        input.Input(text);
    }

    private static async Task SaveAsync(IRenderedComponent<TemplateEditPage> page) =>
        await page.Find("button[data-testid=save]").ClickAsync(new());

    // The error sits in the field's helper line, beside its character counter ("0 / 80") when it has one.
    private static string? FieldError(IRenderedComponent<TemplateEditPage> page, string selector) =>
        page.Find(selector).Closest(".mud-input-control")!.QuerySelector(".mud-input-helper-text.mud-input-error") is { } helper
            ? System.Text.RegularExpressions.Regex.Replace(helper.TextContent.Trim(), @"\d+ / \d+$", string.Empty).Trim()
            : null;

    private async Task<IReadOnlyList<string>> OpenModesAsync(IRenderedComponent<TemplateEditPage> page)
    {
        var select = page.FindComponents<MudSelect<GenerationMode>>().Single();
        await select.InvokeAsync(select.Instance.OpenMenu);
        IReadOnlyList<string> modes = [];
        _popovers!.WaitForAssertion(() =>
        {
            modes = [.. _popovers!.FindAll(".mud-popover-open [data-mode]").Select(e => e.GetAttribute("data-mode")!)];
            modes.Should().NotBeEmpty();
        });
        await select.InvokeAsync(() => select.Instance.CloseMenu());
        return modes;
    }

    private async Task<VideoTemplate> CreateTemplateAsync(string name, string owner)
    {
        var result = await Editor.CreateAsync(owner, new TemplateInput(name, "A test template", "9:16", 3, 5, "local"), CancellationToken.None);
        return result.Template!;
    }
}
