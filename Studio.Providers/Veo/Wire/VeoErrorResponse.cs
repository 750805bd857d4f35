namespace Studio.Providers.Veo.Wire;

/// <summary>The body of Google's error answers: <c>{"error": {"code", "message", "status", "details"}}</c>.</summary>
/// <param name="Error">The error.</param>
public sealed record VeoErrorResponse(VeoStatus? Error);
