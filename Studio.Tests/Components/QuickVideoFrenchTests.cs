using System.Globalization;
using Bunit;
using MudBlazor;
using Studio.App.Components.Pages;

namespace Studio.Tests.Components;

/// <summary>Quick video in French: the page and its shared parts (preview, provider picker, finish, storyboard, estimate) read their texts from their resource files.</summary>
public sealed class QuickVideoFrenchTests : StudioComponentTest
{
    protected override StudioServicesBuilder Configure(StudioServicesBuilder builder) => builder
        .WithProvider(new InertVideoProvider("local"))
        .WithProvider(new ConfigurableVideoProvider("sora", "OpenAI Sora 2") { Model = "sora-2", ClipLengths = [4, 8, 12], MaxSeconds = 12, PerSecondUsd = 0.1m })
        .WithProvider(new ConfigurableVideoProvider("runway", "Runway") { IsConfigured = false, PerClipUsd = 0.25m });

    [Fact]
    public void Render_InFrench_EveryPartSpeaksFrench()
    {
        CultureInfo.CurrentCulture = CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo("fr-FR");

        var page = Render<QuickVideo>();

        page.WaitForAssertion(() => page.Find("[data-testid=estimate-total]").Should().NotBeNull());
        page.Find("h1").TextContent.Should().Be("Vidéo express");
        page.Find("[data-testid=preview-segments]").TextContent.Should().Contain("6 segments de 5 s");
        page.Find("[data-testid=preview-duration]").TextContent.Should().Contain("30 s au total");
        page.Find("[data-testid=preview-ratio]").TextContent.Should().Contain("9:16 vertical");
        page.Find("[data-testid=template-preview]").TextContent.Should().Contain("Vous obtiendrez").And.Contain("Brouillon du storyboard");
        page.Find("[data-testid=estimate]").TextContent.Should().Contain("Coût estimé");
        page.Find("button[data-testid=generate]").TextContent.Trim().Should().Be("Générer la vidéo");
        page.Find("[data-testid=provider]").Closest(".mud-input-control")!.TextContent
            .Should().Contain("demandent une clé d’API, qu’un administrateur renseigne sur le serveur");
        var labels = page.FindAll("label").Select(l => l.TextContent.Trim()).ToList();
        labels.Should().Contain(["Thème", "Titre (facultatif)", "Modèle", "Fournisseur vidéo", "Voix off", "Langue de la narration", "Transitions"]);
        page.Find("[data-testid=cut-options]").TextContent.Should().Contain("Sous-titres (incrustés, et un SRT à télécharger)");
        page.Markup.Should().NotContain("Generate video").And.NotContain("Estimated cost").And.NotContain("You will get").And.NotContain("Video provider");
    }

    [Fact]
    public async Task Provider_WithFixedClipLengths_InFrench_SaysHowClipsAreTrimmed()
    {
        CultureInfo.CurrentCulture = CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo("fr-FR");
        var page = Render<QuickVideo>();
        page.WaitForAssertion(() => page.Find("[data-testid=estimate-total]").Should().NotBeNull());

        var picker = page.FindComponents<MudSelect<string>>().Single(s => s.Instance.Label == "Fournisseur vidéo");
        await page.InvokeAsync(() => picker.Instance.ValueChanged.InvokeAsync("sora"));

        page.WaitForAssertion(() => page.Find("[data-testid=estimate-trim]").TextContent.Should().Contain("OpenAI Sora 2 demande des clips de 8 s, coupés à 5 s."));
        page.Find("[data-testid=estimate-clips]").TextContent.Should().Contain("6 clips").And.Contain("sora-2").And.Contain("chacun");
    }

    [Fact]
    public void Render_InEnglish_StaysEnglish()
    {
        CultureInfo.CurrentCulture = CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo("en");

        var page = Render<QuickVideo>();

        page.WaitForAssertion(() => page.Find("[data-testid=estimate-total]").Should().NotBeNull());
        page.Find("h1").TextContent.Should().Be("Quick video");
        page.Find("[data-testid=preview-segments]").TextContent.Should().Contain("6 segments of 5 s");
        page.Find("button[data-testid=generate]").TextContent.Trim().Should().Be("Generate video");
    }
}
