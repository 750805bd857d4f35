using Studio.Core.Templates;

namespace Studio.Core.Scripts;

/// <summary>What a storyboard is written from.</summary>
/// <param name="Theme">What the video is about.</param>
/// <param name="Template">Its structure: segment count and length, style, default prompts.</param>
/// <param name="Language">Language of the narration ("en" or "fr").</param>
public sealed record ScriptRequest(string Theme, VideoTemplate Template, string Language);
