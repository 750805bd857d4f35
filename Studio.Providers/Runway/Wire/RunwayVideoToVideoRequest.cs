namespace Studio.Providers.Runway.Wire;

/// <summary>Body of <c>POST /v1/video_to_video</c> (no duration: the clip follows its input).</summary>
/// <param name="Model">The model, e.g. "gen4_aleph".</param>
/// <param name="VideoUri">An HTTPS link Runway fetches the input clip from.</param>
/// <param name="PromptText">How to change the clip (at most 1000 UTF-16 code units).</param>
/// <param name="Ratio">Output size as "width:height" pixels.</param>
public sealed record RunwayVideoToVideoRequest(string Model, string VideoUri, string PromptText, string Ratio);
