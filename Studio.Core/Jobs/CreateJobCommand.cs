using Studio.Core.Segments;

namespace Studio.Core.Jobs;

/// <summary>What a user asks for when creating a job.</summary>
/// <param name="Title">Short title; the theme's start when empty.</param>
/// <param name="Theme">What the video is about (required).</param>
/// <param name="Template">The template's name or id (required).</param>
/// <param name="Provider">Provider name; the template's default when null.</param>
/// <param name="Mode">Generation mode; the template's default when null.</param>
/// <param name="Prompts">One prompt per segment; drafted from the template and theme when null.</param>
/// <param name="Fallback">Providers that take a segment over, in order, when the provider cannot make it; null = the configured chain when <paramref name="AllowFallback"/>.</param>
/// <param name="AllowFallback">Whether another provider may make a segment the provider could not; default: only when <paramref name="Fallback"/> is given.</param>
public sealed record CreateJobCommand(
    string? Title,
    string? Theme,
    string? Template,
    string? Provider = null,
    GenerationMode? Mode = null,
    IReadOnlyList<string>? Prompts = null,
    IReadOnlyList<string>? Fallback = null,
    bool? AllowFallback = null);
