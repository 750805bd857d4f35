namespace Studio.Providers.Veo.Wire;

/// <summary>The clip's parameters.</summary>
/// <param name="AspectRatio">"16:9" or "9:16".</param>
/// <param name="DurationSeconds">4, 6 or 8 (a JSON number).</param>
/// <param name="Resolution">"720p" or "1080p".</param>
/// <param name="SampleCount">Clips to make: always 1.</param>
public sealed record VeoParameters(string AspectRatio, int DurationSeconds, string Resolution, int SampleCount);
