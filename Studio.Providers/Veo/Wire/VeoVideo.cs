namespace Studio.Providers.Veo.Wire;

/// <summary>A generated video file.</summary>
/// <param name="Uri">Its download URL (needs the key; answers a redirect to storage). Kept for 2 days.</param>
public sealed record VeoVideo(string? Uri);
