namespace Studio.Providers.Stability.Wire;

/// <summary>Stability's answer to <c>POST v2beta/image-to-video</c> (200).</summary>
/// <param name="Id">The generation id (64 hex characters): the provider job id.</param>
public sealed record StabilityGeneration(string? Id);
