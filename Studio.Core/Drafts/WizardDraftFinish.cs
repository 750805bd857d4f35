namespace Studio.Core.Drafts;

/// <summary>
/// The finish of a wizard draft: voice-over, narration language, captions and transitions. Prefilled from the
/// template; once the user changes one of them (<paramref name="Edited"/>) a new template leaves the choices alone.
/// </summary>
/// <param name="Language">"en" or "fr"; null for the template's.</param>
/// <param name="VoiceEngine">The voice engine's name; null for no voice-over.</param>
/// <param name="Voice">The engine's own voice name or id; null for the engine's default for the language.</param>
/// <param name="Captions">True to burn in captions and export an SRT.</param>
/// <param name="Transition">"cut", "crossfade" or "fade"; null for the template's.</param>
/// <param name="Edited">True once the user changed the finish.</param>
public sealed record WizardDraftFinish(
    string? Language = null,
    string? VoiceEngine = null,
    string? Voice = null,
    bool Captions = false,
    string? Transition = null,
    bool Edited = false);
