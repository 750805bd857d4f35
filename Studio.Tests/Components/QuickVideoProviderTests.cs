using AngleSharp.Dom;
using Bunit;
using MudBlazor;
using Studio.App.Components.Pages;
using Studio.Core.Segments;
using Studio.Core.Templates;

namespace Studio.Tests.Components;

/// <summary>The provider picker of the quick-video form and the estimate it asks for, over the real job service.</summary>
public sealed class QuickVideoProviderTests : StudioComponentTest
{
    private IRenderedComponent<MudPopoverProvider>? _popovers;

    protected override StudioServicesBuilder Configure(StudioServicesBuilder builder) => builder
        .WithProvider(new InertVideoProvider("local"))
        .WithProvider(new ConfigurableVideoProvider("luma", "Luma Dream Machine") { Model = "ray-2", Resolution = "720p", PerSecondUsd = 0.03m })
        .WithProvider(new ConfigurableVideoProvider("sora", "OpenAI Sora 2") { Model = "sora-2", ClipLengths = [4, 8, 12], MaxSeconds = 12, PerSecondUsd = 0.1m })
        .WithProvider(new ConfigurableVideoProvider("wide", "Widescreen Only") { AspectRatios = [AspectRatio.Landscape16x9], PerClipUsd = 0.25m })
        .WithProvider(new ConfigurableVideoProvider("runway", "Runway") { IsConfigured = false, PerClipUsd = 0.25m })
        .WithProvider(new ConfigurableVideoProvider("stability", "Stability") { Modes = [GenerationMode.ImageToVideo], PerClipUsd = 0.075m })
        .WithProvider(new ConfigurableVideoProvider("legacy", "Legacy Vendor") { Notice = "This route answered 404: the vendor withdrew it.", PerClipUsd = 0.1m });

    [Fact]
    public async Task ProviderPicker_Opened_ListsAnUnconfiguredProviderDisabledAndSaysWhy()
    {
        var (_, page) = await RenderReadyAsync();

        page.Find("[data-testid=provider]").Closest(".mud-input-control")!.TextContent
            .Should().Contain("need an API key, which an admin sets on the server");
        var items = await OpenProvidersAsync(page);

        var runway = items.Single(i => i.QuerySelector("[data-provider=runway]") is not null);
        runway.ClassList.Should().Contain("mud-list-item-disabled");
        runway.TextContent.Should().Contain("Runway").And.Contain("not configured");
        var stability = items.Single(i => i.QuerySelector("[data-provider=stability]") is not null);
        stability.ClassList.Should().Contain("mud-list-item-disabled");
        stability.TextContent.Should().Contain("needs an input image");
        var luma = items.Single(i => i.QuerySelector("[data-provider=luma]") is not null);
        luma.ClassList.Should().NotContain("mud-list-item-disabled");
        items.Select(i => i.QuerySelector("[data-provider]")!.GetAttribute("data-provider")).TakeLast(2)
            .Should().BeEquivalentTo(["runway", "stability"], "the providers that cannot be chosen come last");
    }

    [Fact]
    public async Task Render_TemplateDefault_PicksItsProviderAndShowsItsFreeEstimate()
    {
        var (_, page) = await RenderReadyAsync();

        page.Find("input[data-testid=provider]").GetAttribute("value").Should().Be("Inert (local)");
        page.Find("[data-testid=estimate-total]").TextContent.Should().Be("Free");
        page.Find("[data-testid=estimate-breakdown]").TextContent.Should().Be("segments $0.00 · script $0.00 · voice $0.00");
    }

    [Fact]
    public async Task ProviderPicked_Priced_ShowsItsEstimateAndBreakdownBeforeGenerate()
    {
        var (provider, page) = await RenderReadyAsync();

        await provider.InvokeAsync(() => provider.Instance.ValueChanged.InvokeAsync("luma"));

        page.WaitForAssertion(() => page.Find("[data-testid=estimate-total]").TextContent.Should().Be("$0.90"));
        page.Find("[data-testid=estimate-breakdown]").TextContent.Should().Be("segments $0.90 · script $0.00 · voice $0.00");
        page.Find("[data-testid=estimate-clips]").TextContent.Should().Be("6 clips · ray-2 · 720p · $0.15 each");
        page.Find("[data-testid=preview-provider]").TextContent.Should().Contain("made by Luma Dream Machine");
        page.FindAll("[data-testid=estimate-trim]").Should().BeEmpty("Luma makes the segment's exact length");
        page.Find("button[data-testid=generate]").HasAttribute("disabled").Should().BeFalse();
    }

    [Fact]
    public async Task ProviderPicked_MakesOnlySomeLengths_SaysTheClipsAreTrimmedAndPricesWhatIsAsked()
    {
        var (provider, page) = await RenderReadyAsync();

        await provider.InvokeAsync(() => provider.Instance.ValueChanged.InvokeAsync("sora"));

        page.WaitForAssertion(() => page.Find("[data-testid=estimate-total]").TextContent.Should().Be("$4.80")); // 6 × 8 s × $0.10
        page.Find("[data-testid=estimate-trim]").TextContent.Should().Contain("OpenAI Sora 2 asks 8 s clips, trimmed to 5 s.");
    }

    [Fact]
    public async Task ProviderPicked_CannotRenderTheTemplate_SaysWhyAtTheProviderAndDisablesGenerate()
    {
        var (provider, page) = await RenderReadyAsync();
        page.Find("textarea").Input("Three habits of fast remote teams");

        await provider.InvokeAsync(() => provider.Instance.ValueChanged.InvokeAsync("wide"));

        page.WaitForAssertion(() => page.Find("[data-testid=provider]").Closest(".mud-input-control")!
            .QuerySelector(".mud-input-helper-text.mud-input-error")!.TextContent
            .Should().Contain("Widescreen Only cannot render 9:16 videos; it offers 16:9."));
        page.Find("button[data-testid=generate]").HasAttribute("disabled").Should().BeTrue();
        page.Find("[data-testid=estimate-missing]").TextContent.Should().Contain("cannot make this video");
        page.FindAll("[data-testid=estimate-total]").Should().BeEmpty();

        await provider.InvokeAsync(() => provider.Instance.ValueChanged.InvokeAsync("luma"));
        page.WaitForAssertion(() => page.Find("button[data-testid=generate]").HasAttribute("disabled").Should().BeFalse());
        page.Find("[data-testid=provider]").Closest(".mud-input-control")!.QuerySelectorAll(".mud-input-error").Should().BeEmpty();
    }

    [Fact]
    public async Task ProviderPicked_WithANotice_ShowsIt()
    {
        var (provider, page) = await RenderReadyAsync();

        await provider.InvokeAsync(() => provider.Instance.ValueChanged.InvokeAsync("legacy"));

        page.WaitForAssertion(() => page.Find("[data-testid=provider-notice]").TextContent.Should().Contain("the vendor withdrew it"));
    }

    [Fact]
    public async Task Generate_ProviderPicked_CreatesTheJobWithItAndItsEstimate()
    {
        var (provider, page) = await RenderReadyAsync();
        page.Find("textarea").Input("Three habits of fast remote teams");
        await provider.InvokeAsync(() => provider.Instance.ValueChanged.InvokeAsync("luma"));
        page.WaitForAssertion(() => page.Find("[data-testid=estimate-total]").TextContent.Should().Be("$0.90"));

        await page.Find("button[data-testid=generate]").ClickAsync(new());

        var created = (await Jobs.ListAsync(UserId, CancellationToken.None)).Should().ContainSingle().Subject;
        var job = await Jobs.GetAsync(UserId, created.Id, CancellationToken.None);
        job!.Provider.Should().Be("luma");
        job.Mode.Should().Be(GenerationMode.TextToVideo);
        job.EstimatedCost.Total.Should().Be(0.90m);
    }

    /// <summary>Renders the form beside a popover host (where the lists open), and waits for the template and its first estimate.</summary>
    private Task<(IRenderedComponent<MudSelect<string>> Provider, IRenderedComponent<QuickVideo> Page)> RenderReadyAsync()
    {
        _popovers = Render<MudPopoverProvider>();
        var page = Render<QuickVideo>();
        page.WaitForAssertion(() => page.FindAll("[data-testid=estimate-total]").Should().ContainSingle());
        var provider = page.FindComponents<MudSelect<string>>().Single(s => s.Instance.Label == "Video provider");
        return Task.FromResult((provider, page));
    }

    /// <summary>Opens the provider list and returns its items, as a user sees them.</summary>
    private async Task<IReadOnlyList<IElement>> OpenProvidersAsync(IRenderedComponent<QuickVideo> page)
    {
        var select = page.FindComponents<MudSelect<string>>().Single(s => s.Instance.Label == "Video provider");
        await select.InvokeAsync(select.Instance.OpenMenu);
        var host = _popovers!;
        IReadOnlyList<IElement> items = [];
        host.WaitForAssertion(() =>
        {
            items = [.. host.FindAll(".mud-list-item").Where(i => i.QuerySelector("[data-provider]") is not null)];
            items.Should().HaveCount(7);
        });
        return items;
    }
}
