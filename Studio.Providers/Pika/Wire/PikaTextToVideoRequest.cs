namespace Studio.Providers.Pika.Wire;

/// <summary>Body of <c>POST {Model}/text-to-video</c>.</summary>
/// <param name="Prompt">What the clip should show.</param>
/// <param name="AspectRatio">"9:16", "16:9", "1:1" or "4:5".</param>
/// <param name="Resolution">"720p" or "1080p".</param>
/// <param name="Duration">Seconds: 5 or 10 (a JSON number).</param>
public sealed record PikaTextToVideoRequest(string Prompt, string AspectRatio, string Resolution, int Duration);
