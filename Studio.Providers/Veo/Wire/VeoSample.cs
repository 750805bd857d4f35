namespace Studio.Providers.Veo.Wire;

/// <summary>One generated clip.</summary>
/// <param name="Video">Where to download it.</param>
public sealed record VeoSample(VeoVideo? Video);
