namespace Studio.Providers.Runway.Wire;

/// <summary>Body of <c>POST /v1/text_to_video</c>.</summary>
/// <param name="Model">The model, e.g. "gen4.5".</param>
/// <param name="PromptText">What the clip should show (at most 1000 UTF-16 code units).</param>
/// <param name="Ratio">Output size as "width:height" pixels.</param>
/// <param name="Duration">Clip length in whole seconds.</param>
public sealed record RunwayTextToVideoRequest(string Model, string PromptText, string Ratio, int Duration);
