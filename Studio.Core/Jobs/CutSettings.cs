using Studio.Core.Assembly;
using Studio.Core.Voice;

namespace Studio.Core.Jobs;

/// <summary>How a job's final cut is finished: narration language, voice-over, captions, music, transitions.</summary>
/// <param name="Language">Language of the narration ("en" or "fr").</param>
/// <param name="Voice">Who reads the narration; null for no voice-over.</param>
/// <param name="Captions">True to burn captions into the video and export an SRT.</param>
/// <param name="MusicAssetId">The owner's audio asset played under the cut; null for none.</param>
/// <param name="Transition">How segments give way to each other.</param>
public sealed record CutSettings(string Language, VoiceChoice? Voice, bool Captions, Guid? MusicAssetId, TransitionStyle Transition)
{
    /// <summary>English, no voice, no captions, no music, hard cuts: the plain cut of the walking skeleton.</summary>
    public static CutSettings Plain { get; } = new(Scripts.NarrationLanguages.English, null, false, null, TransitionStyle.Cut);
}
