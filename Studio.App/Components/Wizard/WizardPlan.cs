using Studio.Core.Drafts;
using Studio.Core.Jobs;
using Studio.Core.Providers;
using Studio.Core.Segments;
using Studio.Core.Templates;
using Studio.Core.Voice;

namespace Studio.App.Components.Wizard;

/// <summary>
/// The wizard's rules that are not Core's: which modes a provider offers in the brief, each card's mode, what a card
/// still needs, the finish a template suggests, and the job command the draft stands for.
/// </summary>
internal static class WizardPlan
{
    /// <summary>The modes of the brief for a provider: its own, and hybrid when it has more than one.</summary>
    public static IReadOnlyList<WizardMode> ModesOf(IVideoProvider? provider)
    {
        if (provider is null)
        {
            return [WizardMode.TextToVideo];
        }

        var modes = provider.Capabilities.Modes.Order().Select(ToWizard).ToList();
        if (modes.Count > 1)
        {
            modes.Add(WizardMode.Hybrid);
        }

        return modes;
    }

    /// <summary>The generation mode a card uses: its own in a hybrid brief, else the brief's.</summary>
    public static GenerationMode ModeOf(WizardDraftContent draft, WizardDraftSegment segment, IVideoProvider? provider) =>
        draft.Mode == WizardMode.Hybrid ? segment.Mode ?? BaseMode(draft, provider) : ToGeneration(draft.Mode);

    /// <summary>The job's own mode: the brief's, or for a hybrid brief text-to-video when the provider makes it.</summary>
    public static GenerationMode BaseMode(WizardDraftContent draft, IVideoProvider? provider)
    {
        if (draft.Mode != WizardMode.Hybrid)
        {
            return ToGeneration(draft.Mode);
        }

        var modes = provider?.Capabilities.Modes ?? new HashSet<GenerationMode> { GenerationMode.TextToVideo };
        return modes.Contains(GenerationMode.TextToVideo) || modes.Count == 0 ? GenerationMode.TextToVideo : modes.Order().First();
    }

    /// <summary>The kind of asset a card in <paramref name="mode"/> starts from, or null for none.</summary>
    public static Core.Assets.AssetKind? KindFor(GenerationMode mode) => mode switch
    {
        GenerationMode.ImageToVideo => Core.Assets.AssetKind.Image,
        GenerationMode.VideoToVideo => Core.Assets.AssetKind.Video,
        _ => null,
    };

    /// <summary>The command for the job the draft describes; with <paramref name="storyboard"/> false, only the brief (step 1).</summary>
    public static CreateJobCommand Command(WizardDraftContent draft, IVideoProvider? provider, bool storyboard, string? themeStandIn = null)
    {
        var cards = draft.Cards;
        var theme = draft.Theme.Trim().Length > 0 ? draft.Theme : themeStandIn ?? draft.Theme;
        return new CreateJobCommand(
            draft.Title,
            theme,
            draft.TemplateId?.ToString(),
            Provider: draft.Provider,
            Mode: BaseMode(draft, provider),
            Prompts: storyboard ? [.. cards.Select(c => c.Prompt)] : null,
            Narrations: storyboard ? [.. cards.Select(c => c.Narration)] : null,
            Fallback: string.IsNullOrEmpty(draft.FallbackProvider) ? null : [draft.FallbackProvider],
            Inputs: storyboard ? [.. cards.Select(c => Input(draft, c, provider))] : null,
            Language: draft.Finish?.Language,
            Voice: VoiceOf(draft.Finish),
            Captions: draft.Finish?.Captions,
            Transition: draft.Finish?.Transition);
    }

    /// <summary>The finish <paramref name="template"/> suggests: its language, captions and transition, no voice-over.</summary>
    public static WizardDraftFinish FinishFrom(TemplateSummary template)
    {
        ArgumentNullException.ThrowIfNull(template);
        return new WizardDraftFinish(template.Language, null, null, template.Captions, TransitionName(template.Transition));
    }

    /// <summary>The voice the finish asks for, or null for no voice-over.</summary>
    public static VoiceChoice? VoiceOf(WizardDraftFinish? finish) =>
        finish?.VoiceEngine is { Length: > 0 } engine
            ? new VoiceChoice(engine, string.IsNullOrWhiteSpace(finish.Voice) ? null : finish.Voice.Trim())
            : null;

    /// <summary>The narration language the finish asks for: its own, else the template's.</summary>
    public static string LanguageOf(WizardDraftFinish? finish, TemplateSummary template)
    {
        ArgumentNullException.ThrowIfNull(template);
        return finish?.Language ?? template.Language;
    }

    /// <summary>The transition the finish asks for: its own, else the template's.</summary>
    public static Core.Assembly.TransitionStyle TransitionOf(WizardDraftFinish? finish, TemplateSummary template)
    {
        ArgumentNullException.ThrowIfNull(template);
        return finish?.Transition is { } name && CutSettingsReader.TryParseTransition(name, out var transition) ? transition : template.Transition;
    }

    /// <summary>The transition's name in a job command: "cut", "crossfade" or "fade".</summary>
    public static string TransitionName(Core.Assembly.TransitionStyle transition) =>
        transition.ToString().ToLowerInvariant();

    private static SegmentInput Input(WizardDraftContent draft, WizardDraftSegment card, IVideoProvider? provider)
    {
        var mode = ModeOf(draft, card, provider);
        return new SegmentInput(mode, mode == GenerationMode.TextToVideo ? null : card.AssetId);
    }

    public static WizardMode ToWizard(GenerationMode mode) => mode switch
    {
        GenerationMode.ImageToVideo => WizardMode.ImageToVideo,
        GenerationMode.VideoToVideo => WizardMode.VideoToVideo,
        _ => WizardMode.TextToVideo,
    };

    public static GenerationMode ToGeneration(WizardMode mode) => mode switch
    {
        WizardMode.ImageToVideo => GenerationMode.ImageToVideo,
        WizardMode.VideoToVideo => GenerationMode.VideoToVideo,
        _ => GenerationMode.TextToVideo,
    };
}
