namespace Studio.Providers.Pika.Wire;

/// <summary>A file fal made, on its media CDN (<c>fal.media</c>; fetched without the key).</summary>
/// <param name="Url">Where to download it.</param>
/// <param name="ContentType">E.g. "video/mp4".</param>
/// <param name="FileName">E.g. "output.mp4".</param>
/// <param name="FileSize">Bytes, when given.</param>
public sealed record FalFile(string? Url, string? ContentType, string? FileName, long? FileSize);
