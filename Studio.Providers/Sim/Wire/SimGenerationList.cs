namespace Studio.Providers.Sim.Wire;

/// <summary>Body of <c>GET /v1/generations</c>: <c>{"data": [...]}</c>, newest first.</summary>
/// <param name="Data">The generations.</param>
public sealed record SimGenerationList(IReadOnlyList<SimGeneration> Data);
