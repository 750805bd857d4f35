using AngleSharp.Dom;
using Bunit;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using MudBlazor;
using Studio.App.Components.Pages;
using Studio.Core.Assets;
using Studio.Core.Drafts;
using Studio.Core.Segments;

namespace Studio.Tests.Components;

/// <summary>
/// The new video wizard over the real job service and draft store: step validation at the field or card, modes that
/// follow the provider, hybrid per-segment modes with library assets, the price, the budget, the saved draft.
/// </summary>
public sealed class WizardTests : StudioComponentTest
{
    private IRenderedComponent<MudPopoverProvider>? _popovers;

    private WizardDraftStore Drafts => Services.GetRequiredService<WizardDraftStore>();

    public override async Task InitializeAsync()
    {
        // The wizard's own services, beside the ones every page test has (before the base freezes the collection).
        Services.AddOptions<UploadOptions>();
        Services.TryAddSingleton<UploadInspector>();
        Services.TryAddSingleton<AssetLibrary>();
        Services.TryAddSingleton<WizardDraftStore>();
        await base.InitializeAsync();
    }

    protected override StudioServicesBuilder Configure(StudioServicesBuilder builder) => builder
        .WithProvider(new InertVideoProvider("local"))
        .WithProvider(new ConfigurableVideoProvider("multi", "Multi Modes") { Modes = [GenerationMode.TextToVideo, GenerationMode.ImageToVideo], PerClipUsd = 0.15m })
        .WithProvider(new ConfigurableVideoProvider("pricey", "Pricey Vendor") { PerClipUsd = 0.5m })
        .WithProvider(new ConfigurableVideoProvider("runway", "Runway") { IsConfigured = false })
        .WithMonthlyBudget(1.00m);

    [Fact]
    public async Task Next_ThemeEmpty_SaysSoAtTheThemeFieldAndStaysOnTheBrief()
    {
        var page = RenderWizard();

        await ClickAsync(page, "next");

        page.WaitForAssertion(() => FieldError(page, "theme").Should().StartWith("Say what the video is about."));
        page.Find("[data-testid=wizard-step]").GetAttribute("data-step").Should().Be("0");
    }

    [Fact]
    public async Task ModeList_FollowsTheProvidersCapabilities()
    {
        var page = RenderWizard();

        (await ModeItemsAsync(page)).Should().Equal("TextToVideo");

        await PickProviderAsync(page, "multi");
        (await ModeItemsAsync(page)).Should().Equal("TextToVideo", "ImageToVideo", "Hybrid");
    }

    [Fact]
    public async Task ProviderPicked_CannotMakeTheMode_MovesTheModeToOneItMakes()
    {
        var page = RenderWizard();
        await PickProviderAsync(page, "multi");
        await PickModeAsync(page, WizardMode.ImageToVideo);

        await PickProviderAsync(page, "local");

        page.WaitForAssertion(() => page.Find("input[data-testid=mode]").GetAttribute("value").Should().Be("Text to video"));
    }

    [Fact]
    public async Task Next_ImageToVideoCardWithoutImage_IsRefusedAtThatCard()
    {
        var image = await AddAssetAsync("desk.png", AssetKind.Image);
        var page = await ToStoryboardAsync(WizardMode.ImageToVideo);
        var first = page.FindComponents<MudSelect<Guid?>>().First(s => s.Instance.Label == "Or pick an image from your library");
        await first.InvokeAsync(() => first.Instance.ValueChanged.InvokeAsync(image));

        await ClickAsync(page, "next");

        page.WaitForAssertion(() => page.FindAll("[data-testid=segment-error]").Should().HaveCount(5));
        page.FindAll("[data-testid=segment-card]")[0].QuerySelector("[data-testid=segment-error]").Should().BeNull();
        page.FindAll("[data-testid=segment-card]")[1].QuerySelector("[data-testid=segment-error]")!.TextContent
            .Should().Be("Image-to-video needs an image: drop one here or pick one from your library.");
        page.Find("[data-testid=wizard-step]").GetAttribute("data-step").Should().Be("1");
    }

    [Fact]
    public async Task Hybrid_EachCardChoosesItsMode_AndTheJobIsMadeThatWay()
    {
        var image = await AddAssetAsync("desk.png", AssetKind.Image);
        var page = await ToStoryboardAsync(WizardMode.Hybrid);
        page.FindAll("[data-testid=segment-mode]").Should().HaveCount(6, "a hybrid brief lets every card choose");
        var mode = page.FindComponents<MudSelect<GenerationMode>>()[2];
        await mode.InvokeAsync(() => mode.Instance.ValueChanged.InvokeAsync(GenerationMode.ImageToVideo));
        page.WaitForAssertion(() => page.FindAll("[data-testid=segment-card]")[2].QuerySelector("[data-testid=asset-pick]").Should().NotBeNull());
        var pick = page.FindComponents<MudSelect<Guid?>>().Single();
        await pick.InvokeAsync(() => pick.Instance.ValueChanged.InvokeAsync(image));
        page.WaitForAssertion(() => page.FindAll("[data-testid=segment-card]")[2].QuerySelector("[data-testid=asset-chosen]")!.TextContent.Should().Contain("desk.png"));

        await ClickAsync(page, "next");
        page.WaitForAssertion(() => page.Find("[data-testid=wizard-step]").GetAttribute("data-step").Should().Be("2"));
        await ClickAsync(page, "generate");

        page.WaitForAssertion(() => Services.GetRequiredService<NavigationManager>().Uri.Should().MatchRegex("/jobs/[0-9a-f-]{36}$"));
        var created = (await Jobs.ListAsync(UserId, CancellationToken.None)).Should().ContainSingle().Subject;
        var job = await ReadJobAsync(created.Id);
        job.Segments.Select(s => s.Mode).Should().Equal(
            GenerationMode.TextToVideo, GenerationMode.TextToVideo, GenerationMode.ImageToVideo, GenerationMode.TextToVideo, GenerationMode.TextToVideo, GenerationMode.TextToVideo);
        job.Segments[2].AssetId.Should().Be(image);
        job.Provider.Should().Be("multi");
        (await Drafts.LoadAsync(UserId, CancellationToken.None)).Should().BeNull("a video generated leaves no draft behind");
    }

    [Fact]
    public async Task Generate_FallbackChosen_TheJobCarriesIt()
    {
        var page = RenderWizard();
        page.Find("textarea#wizard-theme").Input("Three habits of fast remote teams");
        var fallback = page.FindComponents<MudSelect<string>>().Single(s => s.Instance.Label == "Fallback provider (optional)");
        await fallback.InvokeAsync(() => fallback.Instance.ValueChanged.InvokeAsync("multi"));
        await ClickAsync(page, "next");
        page.WaitForAssertion(() => page.FindAll("[data-testid=segment-card]").Should().HaveCount(6));
        await ClickAsync(page, "next");
        page.WaitForAssertion(() => page.Find("[data-testid=review-fallback]").TextContent.Should().Be("Multi Modes"));

        await ClickAsync(page, "generate");

        page.WaitForAssertion(() => Services.GetRequiredService<NavigationManager>().Uri.Should().MatchRegex("/jobs/[0-9a-f-]{36}$"));
        var created = (await Jobs.ListAsync(UserId, CancellationToken.None)).Should().ContainSingle().Subject;
        (await ReadJobAsync(created.Id)).Fallback.Should().Equal("multi");
    }

    [Fact]
    public async Task FallbackList_ProviderThatCannotMakeTheMode_IsGreyedWithTheReason()
    {
        var page = RenderWizard();
        await PickProviderAsync(page, "multi");
        await PickModeAsync(page, WizardMode.ImageToVideo);
        var fallback = page.FindComponents<MudSelect<string>>().Single(s => s.Instance.Label == "Fallback provider (optional)");

        await fallback.InvokeAsync(fallback.Instance.OpenMenu);

        _popovers!.WaitForAssertion(() =>
        {
            var local = _popovers!.FindAll(".mud-popover-open .mud-list-item").Single(i => i.QuerySelector("[data-provider=local]") is not null);
            local.ClassList.Should().Contain("mud-list-item-disabled");
            local.TextContent.Should().Contain("cannot make this mode");
        });
    }

    [Fact]
    public async Task Review_ShowsThePricePerSegmentAndInTotal()
    {
        var page = await ToStoryboardAsync(WizardMode.TextToVideo);

        await ClickAsync(page, "next");

        page.WaitForAssertion(() => page.Find("[data-testid=estimate-total]").TextContent.Should().Be("$0.90"));
        page.FindAll("[data-testid=review-segment-price]").Select(p => p.TextContent.Trim()).Should().AllBe("$0.15").And.HaveCount(6);
        page.Find("[data-testid=review-budget]").TextContent.Should().Contain("$1.00");
        page.Find("button[data-testid=generate]").HasAttribute("disabled").Should().BeFalse();
    }

    [Fact]
    public async Task Review_OverTheMonthlyBudget_SaysWhyAndGenerateIsDisabled()
    {
        var page = RenderWizard();
        page.Find("textarea#wizard-theme").Input("Three habits of fast remote teams");
        await PickProviderAsync(page, "pricey");
        await ClickAsync(page, "next");
        page.WaitForAssertion(() => page.FindAll("[data-testid=segment-card]").Should().HaveCount(6));

        await ClickAsync(page, "next");

        page.WaitForAssertion(() => page.Find("[data-testid=budget-refusal]").TextContent
            .Should().Contain("Over your monthly budget").And.Contain("$3.00").And.Contain("$1.00"));
        page.Find("button[data-testid=generate]").HasAttribute("disabled").Should().BeTrue();
        (await Jobs.ListAsync(UserId, CancellationToken.None)).Should().BeEmpty();
    }

    [Fact]
    public async Task Draft_SavedAsYouGo_ResumesInANewInstanceAtTheSameStepWithTheSameTexts()
    {
        var image = await AddAssetAsync("desk.png", AssetKind.Image);
        var page = await ToStoryboardAsync(WizardMode.Hybrid);
        var mode = page.FindComponents<MudSelect<GenerationMode>>()[0];
        await mode.InvokeAsync(() => mode.Instance.ValueChanged.InvokeAsync(GenerationMode.ImageToVideo));
        var pick = page.FindComponents<MudSelect<Guid?>>().Single();
        await pick.InvokeAsync(() => pick.Instance.ValueChanged.InvokeAsync(image));
        page.FindAll("textarea[data-testid=segment-prompt]")[1].Input("A whiteboard full of arrows");

        // Saved a moment after the last change, without any step change.
        page.WaitForAssertion(() => Drafts.LoadAsync(UserId, CancellationToken.None).Result!.Cards[1].Prompt.Should().Be("A whiteboard full of arrows"));
        page.WaitForAssertion(() => page.Find("[data-testid=save-state]").TextContent.Should().Be("Draft saved"));
        await DisposeComponentsAsync();
        _popovers = null;

        var again = RenderWizard();

        again.WaitForAssertion(() => again.Find("[data-testid=wizard-step]").GetAttribute("data-step").Should().Be("1"));
        again.FindAll("textarea[data-testid=segment-prompt]")[1].GetAttribute("value")
            .Should().Be("A whiteboard full of arrows");
        again.FindAll("[data-testid=segment-card]")[0].QuerySelector("[data-testid=asset-chosen]")!.GetAttribute("data-asset").Should().Be(image.ToString());
        again.FindAll("[data-testid=segment-mode]").Should().HaveCount(6, "the brief stays hybrid");
    }

    [Fact]
    public async Task StartOver_DiscardsTheDraftAndReturnsToAnEmptyBrief()
    {
        var page = await ToStoryboardAsync(WizardMode.TextToVideo);
        (await Drafts.LoadAsync(UserId, CancellationToken.None)).Should().NotBeNull();

        await ClickAsync(page, "start-over");

        page.WaitForAssertion(() => page.Find("[data-testid=wizard-step]").GetAttribute("data-step").Should().Be("0"));
        page.Find("textarea#wizard-theme").GetAttribute("value").Should().BeNullOrEmpty();
        (await Drafts.LoadAsync(UserId, CancellationToken.None)).Should().BeNull();
    }

    private IRenderedComponent<NewVideo> RenderWizard()
    {
        _popovers ??= Render<MudPopoverProvider>();
        var page = Render<NewVideo>();
        page.WaitForAssertion(() => page.FindAll("[data-testid=wizard-step]").Should().ContainSingle());
        return page;
    }

    /// <summary>Fills the brief with the "multi" provider in <paramref name="mode"/> and opens the storyboard.</summary>
    private async Task<IRenderedComponent<NewVideo>> ToStoryboardAsync(WizardMode mode)
    {
        var page = RenderWizard();
        page.Find("textarea#wizard-theme").Input("Three habits of fast remote teams");
        await PickProviderAsync(page, "multi");
        await PickModeAsync(page, mode);
        await ClickAsync(page, "next");
        page.WaitForAssertion(() => page.FindAll("[data-testid=segment-card]").Should().HaveCount(6));
        return page;
    }

    private static async Task ClickAsync(IRenderedComponent<NewVideo> page, string testId) =>
        await page.Find($"button[data-testid={testId}]").ClickAsync(new());

    private static async Task PickProviderAsync(IRenderedComponent<NewVideo> page, string name)
    {
        var select = page.FindComponents<MudSelect<string>>().Single(s => s.Instance.Label == "Video provider");
        await select.InvokeAsync(() => select.Instance.ValueChanged.InvokeAsync(name));
        page.WaitForAssertion(() => page.Find("[data-testid=wizard-brief] input[data-testid=provider]").GetAttribute("value")
            .Should().Be(name switch { "multi" => "Multi Modes", "pricey" => "Pricey Vendor", _ => "Inert (local)" }));
    }

    private static IRenderedComponent<MudSelect<WizardMode>> ModeSelect(IRenderedComponent<NewVideo> page) =>
        page.FindComponents<MudSelect<WizardMode>>().Single();

    private static async Task PickModeAsync(IRenderedComponent<NewVideo> page, WizardMode mode)
    {
        var select = ModeSelect(page);
        await select.InvokeAsync(() => select.Instance.ValueChanged.InvokeAsync(mode));
        page.WaitForAssertion(() => page.Find("input[data-testid=mode]").GetAttribute("value").Should().Be(mode switch
        {
            WizardMode.Hybrid => "Hybrid: per segment",
            WizardMode.ImageToVideo => "Image to video",
            WizardMode.VideoToVideo => "Video to video",
            _ => "Text to video",
        }));
    }

    /// <summary>Opens the mode list and returns the modes offered, as a user sees them.</summary>
    private async Task<IReadOnlyList<string>> ModeItemsAsync(IRenderedComponent<NewVideo> page)
    {
        var select = ModeSelect(page);
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

    private static string? FieldError(IRenderedComponent<NewVideo> page, string testId) =>
        page.Find($"[data-testid={testId}]").Closest(".mud-input-control")!.QuerySelector(".mud-input-helper-text.mud-input-error")?.TextContent.Trim();

    private async Task<Guid> AddAssetAsync(string name, AssetKind kind)
    {
        var id = Guid.NewGuid();
        await using var db = await Database.CreateDbContextAsync();
        db.Assets.Add(new Asset(id, UserId, kind, name, $"assets/{id}", kind == AssetKind.Image ? "image/png" : "video/mp4", 2048, new string('a', 64), DateTimeOffset.UtcNow));
        await db.SaveChangesAsync();
        return id;
    }
}
