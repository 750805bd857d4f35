namespace Studio.Providers.Runway.Wire;

/// <summary>Body of <c>POST /v1/image_to_video</c>.</summary>
/// <param name="Model">The model, e.g. "gen4_turbo".</param>
/// <param name="PromptImage">The first frame, as a <c>data:</c> URI.</param>
/// <param name="PromptText">What should happen (at most 1000 UTF-16 code units).</param>
/// <param name="Ratio">Output size as "width:height" pixels, e.g. "1280:720".</param>
/// <param name="Duration">Clip length in whole seconds (5 or 10).</param>
public sealed record RunwayImageToVideoRequest(string Model, string PromptImage, string PromptText, string Ratio, int Duration);
