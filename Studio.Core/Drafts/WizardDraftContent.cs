namespace Studio.Core.Drafts;

/// <summary>Everything the new video wizard holds, as saved between visits.</summary>
/// <param name="Step">The step shown, from 0 (brief, storyboard, review).</param>
/// <param name="Title">The title typed; empty for none.</param>
/// <param name="Theme">The theme typed; empty for none.</param>
/// <param name="TemplateId">The template chosen, or null.</param>
/// <param name="Provider">The provider chosen, or null for the template's default.</param>
/// <param name="Mode">The generation mode chosen.</param>
/// <param name="FallbackProvider">The provider that takes over a segment the main one cannot make, or null.</param>
/// <param name="Segments">The storyboard cards, one per segment of the template (empty until drafted).</param>
/// <param name="DraftedFor">What the storyboard was drafted from (template, theme and language), so a change redrafts untouched cards.</param>
/// <param name="Finish">Voice-over, language, captions and transitions; null until prefilled from the template (drafts saved before the wizard asked).</param>
public sealed record WizardDraftContent(
    int Step = 0,
    string Title = "",
    string Theme = "",
    Guid? TemplateId = null,
    string? Provider = null,
    WizardMode Mode = WizardMode.TextToVideo,
    string? FallbackProvider = null,
    IReadOnlyList<WizardDraftSegment>? Segments = null,
    string? DraftedFor = null,
    WizardDraftFinish? Finish = null)
{
    /// <summary>An empty wizard, at the brief.</summary>
    public static WizardDraftContent Empty { get; } = new();

    /// <summary>The storyboard cards, never null.</summary>
    public IReadOnlyList<WizardDraftSegment> Cards => Segments ?? [];
}
