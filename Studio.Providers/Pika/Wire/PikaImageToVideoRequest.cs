namespace Studio.Providers.Pika.Wire;

/// <summary>Body of <c>POST {Model}/image-to-video</c>; the clip takes the image's shape (there is no aspect ratio field).</summary>
/// <param name="ImageUrl">The first frame, as a <c>data:</c> URI.</param>
/// <param name="Prompt">What the clip should show.</param>
/// <param name="Resolution">"720p" or "1080p".</param>
/// <param name="Duration">Seconds: 5 or 10 (a JSON number).</param>
public sealed record PikaImageToVideoRequest(string ImageUrl, string Prompt, string Resolution, int Duration);
