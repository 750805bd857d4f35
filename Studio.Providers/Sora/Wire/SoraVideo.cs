namespace Studio.Providers.Sora.Wire;

/// <summary>OpenAI's Video object, as create, retrieve and list return it.</summary>
/// <param name="Id">"video_…" (the provider job id).</param>
/// <param name="Status">One of <see cref="SoraStatuses"/>.</param>
/// <param name="Progress">Percent done, 0 to 100.</param>
/// <param name="Model">The model.</param>
/// <param name="Seconds">The clip length asked for.</param>
/// <param name="Size">The frame size asked for.</param>
/// <param name="ExpiresAt">Unix seconds after which the content is gone; null until completed.</param>
/// <param name="Error">Why it failed, when <see cref="Status"/> is "failed".</param>
public sealed record SoraVideo(
    string? Id,
    string? Status,
    int? Progress,
    string? Model,
    string? Seconds,
    string? Size,
    long? ExpiresAt,
    SoraVideoError? Error);
