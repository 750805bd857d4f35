using Studio.Core.Segments;
using Studio.Core.Voice;

namespace Studio.Core.Jobs;

/// <summary>What a user asks for when creating a job.</summary>
/// <param name="Title">Short title; the theme's start when empty.</param>
/// <param name="Theme">What the video is about (required).</param>
/// <param name="Template">The template's name or id (required).</param>
/// <param name="Provider">Provider name; the template's default when null.</param>
/// <param name="Mode">Generation mode; the template's default when null.</param>
/// <param name="Prompts">One prompt per segment; a null list or item is written by the script writer.</param>
/// <param name="Language">Narration language ("en" or "fr"); the template's when null.</param>
/// <param name="Voice">Who reads the narration; null for no voice-over.</param>
/// <param name="Captions">True to burn in captions and export an SRT; the template's setting when null.</param>
/// <param name="MusicAssetId">The caller's own audio asset to play under the cut; null for none.</param>
/// <param name="Transition">"cut", "crossfade" or "fade"; the template's when null.</param>
/// <param name="Narrations">One narration line per segment; a null list or item is written by the script writer, an empty line means silence.</param>
/// <param name="Fallback">Providers that take a segment over, in order, when the provider cannot make it; null = the configured chain when <paramref name="AllowFallback"/>.</param>
/// <param name="Inputs">Per segment: its own mode (hybrid) and the asset it starts from; null: the job's mode everywhere.</param>
/// <param name="AllowFallback">Whether another provider may make a segment the provider could not; default: only when <paramref name="Fallback"/> is given.</param>
public sealed record CreateJobCommand(
    string? Title,
    string? Theme,
    string? Template,
    string? Provider = null,
    GenerationMode? Mode = null,
    IReadOnlyList<string?>? Prompts = null,
    string? Language = null,
    VoiceChoice? Voice = null,
    bool? Captions = null,
    Guid? MusicAssetId = null,
    string? Transition = null,
    IReadOnlyList<string?>? Narrations = null,
    IReadOnlyList<string>? Fallback = null,
    bool? AllowFallback = null,
    IReadOnlyList<SegmentInput?>? Inputs = null);
