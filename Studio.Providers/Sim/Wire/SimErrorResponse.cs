namespace Studio.Providers.Sim.Wire;

/// <summary>The body of every error answer: <c>{"error": {"message", "code"}}</c>.</summary>
/// <param name="Error">The error.</param>
public sealed record SimErrorResponse(SimError? Error);
