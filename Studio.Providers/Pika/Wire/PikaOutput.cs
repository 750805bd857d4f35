namespace Studio.Providers.Pika.Wire;

/// <summary>Pika's output, the answer of <c>GET {response_url}</c> for a request that succeeded.</summary>
/// <param name="Video">The clip on fal's media CDN.</param>
public sealed record PikaOutput(FalFile? Video);
