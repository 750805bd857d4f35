namespace Studio.Providers.Veo.Wire;

/// <summary>What to make.</summary>
/// <param name="Prompt">What the clip should show.</param>
/// <param name="Image">The first frame, for image-to-video; omitted for text-to-video.</param>
public sealed record VeoInstance(string Prompt, VeoImage? Image);
