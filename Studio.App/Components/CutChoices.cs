namespace Studio.App.Components;

/// <summary>What the quick-video form asks about the finish; nulls mean "the template's / none".</summary>
/// <param name="Language">"en" or "fr"; null for the template's.</param>
/// <param name="VoiceEngine">A voice engine's name; null for no voice-over.</param>
/// <param name="Captions">True to burn in captions and export an SRT.</param>
/// <param name="Transition">"cut", "crossfade" or "fade"; null for the template's.</param>
public sealed record CutChoices(string? Language, string? VoiceEngine, bool Captions, string? Transition)
{
    /// <summary>The template's language and transition, no voice, no captions.</summary>
    public static CutChoices Default { get; } = new(null, null, false, null);
}
