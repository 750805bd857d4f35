using Bunit;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using MudBlazor;
using MudBlazor.Extensions;
using Studio.App.Components.Pages;
using Studio.Core.Assembly;
using Studio.Core.Assets;
using Studio.Core.Drafts;
using Studio.Core.Scripts;
using Studio.Core.Segments;
using Studio.Core.Templates;
using Studio.Core.Voice;

namespace Studio.Tests.Components;

/// <summary>
/// The wizard's finish (voice-over, narration language, captions, transitions) over the real job service and draft
/// store: prefilled from the template, kept in the draft across a reload, shown on the review with the voice's price,
/// and carried by the job created.
/// </summary>
public sealed class WizardFinishTests : StudioComponentTest
{
    private const string Theme = "Three habits of fast remote teams";
    private const string FrenchTemplate = "Bretagne 20s";

    private IRenderedComponent<MudPopoverProvider>? _popovers;

    private WizardDraftStore Drafts => Services.GetRequiredService<WizardDraftStore>();

    public override async Task InitializeAsync()
    {
        Services.AddOptions<UploadOptions>();
        Services.TryAddSingleton<UploadInspector>();
        Services.TryAddSingleton<AssetLibrary>();
        Services.TryAddSingleton<WizardDraftStore>();
        await base.InitializeAsync();

        // A template whose finish differs from the built-in ones at every point: French, captions on, fade.
        await using var db = await Database.CreateDbContextAsync();
        db.Templates.Add(new VideoTemplate(
            Guid.NewGuid(), FrenchTemplate, "Quatre plans", AspectRatio.Portrait9x16, 4, 5, "local", GenerationMode.TextToVideo, "bleu",
            ["{theme}", "La côte", "Le port", "À bientôt"], DateTimeOffset.UtcNow, NarrationLanguages.French, TransitionStyle.Fade, captions: true));
        await db.SaveChangesAsync();
    }

    protected override StudioServicesBuilder Configure(StudioServicesBuilder builder) => builder
        .WithProvider(new InertVideoProvider("local"))
        .WithVoice(new HostedVoice());

    [Fact]
    public async Task Brief_FinishStartsFromTheTemplate_AndFollowsAnotherTemplateUntilChanged()
    {
        var page = RenderWizard();

        // Reels 30s: English, hard cuts, no captions, and no voice-over until one is asked for.
        Select(page, "Narration language").Instance.GetState(x => x.Value).Should().Be("en");
        Select(page, "Transitions").Instance.GetState(x => x.Value).Should().Be("cut");
        Select(page, "Voice-over").Instance.GetState(x => x.Value).Should().Be("none");
        CaptionsSwitch(page).Instance.GetState(x => x.Value).Should().BeFalse();
        page.FindAll("[data-testid=voice-name]").Should().BeEmpty("no engine is chosen");

        await PickTemplateAsync(page, FrenchTemplate);

        page.WaitForAssertion(() => Select(page, "Transitions").Instance.GetState(x => x.Value).Should().Be("fade"));
        Select(page, "Narration language").Instance.GetState(x => x.Value).Should().Be("fr");
        CaptionsSwitch(page).Instance.GetState(x => x.Value).Should().BeTrue();

        // Once the user chose, another template leaves the finish alone.
        await ChangeSelectAsync(page, "Transitions", "crossfade");
        await PickTemplateAsync(page, DefaultTemplates.Reels30);
        page.WaitForAssertion(() => Select(page, "Transitions").Instance.GetState(x => x.Value).Should().Be("crossfade"));
        CaptionsSwitch(page).Instance.GetState(x => x.Value).Should().BeTrue();
    }

    [Fact]
    public async Task Finish_Changed_SurvivesAReloadOfTheDraft()
    {
        var page = RenderWizard();
        page.Find("textarea#wizard-theme").Input(Theme);
        await ChangeSelectAsync(page, "Voice-over", EspeakVoiceName);
        page.WaitForAssertion(() => page.Find("input#wizard-voice").Input("en-gb"));
        await ChangeSelectAsync(page, "Transitions", "crossfade");
        page.Find("[data-testid=cut-options] input[type=checkbox]").Change(true);

        page.WaitForAssertion(() => Drafts.LoadAsync(UserId, CancellationToken.None).Result!.Finish
            .Should().Be(new WizardDraftFinish("en", EspeakVoiceName, "en-gb", true, "crossfade", Edited: true)));
        page.WaitForAssertion(() => page.Find("[data-testid=save-state]").TextContent.Should().Be("Draft saved"));
        await DisposeComponentsAsync();
        _popovers = null;

        var again = RenderWizard();

        Select(again, "Voice-over").Instance.GetState(x => x.Value).Should().Be(EspeakVoiceName);
        again.Find("input#wizard-voice").GetAttribute("value").Should().Be("en-gb");
        Select(again, "Transitions").Instance.GetState(x => x.Value).Should().Be("crossfade");
        CaptionsSwitch(again).Instance.GetState(x => x.Value).Should().BeTrue();
    }

    [Fact]
    public async Task Review_ShowsTheFinishWithTheHostedVoicesPriceInTheEstimate()
    {
        var page = RenderWizard();
        page.Find("textarea#wizard-theme").Input(Theme);
        await ChangeSelectAsync(page, "Voice-over", HostedVoice.EngineName);
        page.WaitForAssertion(() => page.Find("input#wizard-voice").Input("nova"));
        await ChangeSelectAsync(page, "Transitions", "fade");

        await ToReviewAsync(page);

        page.WaitForAssertion(() => page.Find("[data-testid=review-voice-price]").TextContent.Trim().Should().Be("$0.02"));
        page.Find("[data-testid=review-voice]").TextContent.Should().Contain("Hosted voice (test)").And.Contain("nova");
        page.Find("[data-testid=estimate-total]").TextContent.Should().Be("$0.02", "the clips are free; the hosted voice is not");
        page.Find("[data-testid=estimate-breakdown]").TextContent.Should().Contain("voice $0.02");
        page.Find("[data-testid=review-transition]").TextContent.Should().Be("Fade through black");
        page.Find("[data-testid=review-captions]").TextContent.Should().Be("No captions");
        page.Find("[data-testid=review-language]").TextContent.Should().Be("English");
    }

    [Fact]
    public async Task Review_NoVoice_SaysSoAndTheEstimateIsFree()
    {
        var page = RenderWizard();
        page.Find("textarea#wizard-theme").Input(Theme);

        await ToReviewAsync(page);

        page.WaitForAssertion(() => page.Find("[data-testid=estimate-total]").TextContent.Should().Be("Free"));
        page.Find("[data-testid=review-voice]").TextContent.Trim().Should().Be("No voice-over");
        page.Find("[data-testid=review-transition]").TextContent.Should().Be("Cut");
    }

    [Fact]
    public async Task Generate_TheJobCarriesTheFinish()
    {
        var page = RenderWizard();
        page.Find("textarea#wizard-theme").Input(Theme);
        await PickTemplateAsync(page, FrenchTemplate);
        await ChangeSelectAsync(page, "Voice-over", EspeakVoiceName);
        page.WaitForAssertion(() => page.Find("input#wizard-voice").Input("fr-be"));
        await ChangeSelectAsync(page, "Transitions", "crossfade");
        page.Find("[data-testid=cut-options] input[type=checkbox]").Change(false);
        await ToReviewAsync(page);
        page.WaitForAssertion(() => page.Find("[data-testid=review-language]").TextContent.Should().Be("French"));

        await page.Find("button[data-testid=generate]").ClickAsync(new());

        page.WaitForAssertion(() => Services.GetRequiredService<NavigationManager>().Uri.Should().MatchRegex("/jobs/[0-9a-f-]{36}$"));
        var created = (await Jobs.ListAsync(UserId, CancellationToken.None)).Should().ContainSingle().Subject;
        var job = await ReadJobAsync(created.Id);
        job.Language.Should().Be("fr");
        job.Voice.Should().Be(new VoiceChoice(EspeakVoiceName, "fr-be"));
        job.Transition.Should().Be(TransitionStyle.Crossfade);
        job.Captions.Should().BeFalse("switched off over the template's captions");
    }

    [Fact]
    public async Task Next_VoiceTheEngineCannotRead_IsSaidAtTheVoiceField()
    {
        var page = RenderWizard();
        page.Find("textarea#wizard-theme").Input(Theme);
        await ChangeSelectAsync(page, "Voice-over", EspeakVoiceName);
        page.WaitForAssertion(() => page.Find("input#wizard-voice").Input("fr-fr"));

        await page.Find("button[data-testid=next]").ClickAsync(new());

        page.WaitForAssertion(() => page.Find("input#wizard-voice").Closest(".mud-input-control")!
            .QuerySelector(".mud-input-helper-text.mud-input-error")!.TextContent.Should().Contain("not an espeak-ng voice for 'en'"));
        page.Find("[data-testid=wizard-step]").GetAttribute("data-step").Should().Be("0");
    }

    private const string EspeakVoiceName = "espeak";

    private IRenderedComponent<NewVideo> RenderWizard()
    {
        _popovers ??= Render<MudPopoverProvider>();
        var page = Render<NewVideo>();
        page.WaitForAssertion(() => page.FindAll("[data-testid=wizard-finish]").Should().ContainSingle());
        return page;
    }

    private static async Task ToReviewAsync(IRenderedComponent<NewVideo> page)
    {
        await page.Find("button[data-testid=next]").ClickAsync(new());
        page.WaitForAssertion(() => page.FindAll("[data-testid=segment-card]").Should().NotBeEmpty());
        await page.Find("button[data-testid=next]").ClickAsync(new());
        page.WaitForAssertion(() => page.Find("[data-testid=wizard-step]").GetAttribute("data-step").Should().Be("2"));
    }

    private static IRenderedComponent<MudSelect<string>> Select(IRenderedComponent<NewVideo> page, string label) =>
        page.FindComponents<MudSelect<string>>().Single(s => s.Instance.Label == label);

    private static IRenderedComponent<MudSwitch<bool>> CaptionsSwitch(IRenderedComponent<NewVideo> page) =>
        page.FindComponents<MudSwitch<bool>>().Single();

    private static async Task ChangeSelectAsync(IRenderedComponent<NewVideo> page, string label, string value)
    {
        var select = Select(page, label);
        await select.InvokeAsync(() => select.Instance.ValueChanged.InvokeAsync(value));
        page.WaitForAssertion(() => Select(page, label).Instance.GetState(x => x.Value).Should().Be(value));
    }

    private static async Task PickTemplateAsync(IRenderedComponent<NewVideo> page, string name)
    {
        var select = page.FindComponents<MudSelect<Guid?>>().Single(s => s.Instance.Label == "Template");
        var id = (await page.Services.GetRequiredService<TemplateCatalog>().ListAsync(CancellationToken.None)).Single(t => t.Name == name).Id;
        await select.InvokeAsync(() => select.Instance.ValueChanged.InvokeAsync(id));
        page.WaitForAssertion(() => page.FindComponents<MudSelect<Guid?>>().Single(s => s.Instance.Label == "Template").Instance.GetState(x => x.Value).Should().Be(id));
    }

    /// <summary>A hosted voice (priced as one) that reads nothing: the wizard only asks what it would cost.</summary>
    private sealed class HostedVoice : IVoiceEngine
    {
        public const string EngineName = "hostedvoice";

        public string Name => EngineName;

        public string DisplayName => "Hosted voice (test)";

        public bool IsConfigured => true;

        public bool IsHosted => true;

        public Studio.Core.Common.StoredText? CheckVoice(string? voice, string language) => voice is null or "nova" ? null : Studio.Core.Common.StoredText.Verbatim($"'{voice}' is not a voice of this service.");

        public Task<SpeechAudio> SpeakAsync(SpeechRequest request, CancellationToken ct) =>
            throw new VoiceException("Not in these tests.");
    }
}
