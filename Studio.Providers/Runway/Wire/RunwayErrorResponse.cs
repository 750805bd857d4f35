namespace Studio.Providers.Runway.Wire;

/// <summary>The body of Runway's error answers: <c>{"error": "…"}</c> (validation errors may add members, ignored).</summary>
/// <param name="Error">What went wrong, in words.</param>
public sealed record RunwayErrorResponse(string? Error);
