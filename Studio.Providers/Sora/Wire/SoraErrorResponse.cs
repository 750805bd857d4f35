namespace Studio.Providers.Sora.Wire;

/// <summary>OpenAI's error envelope: <c>{"error":{"message","type","param","code"}}</c>.</summary>
/// <param name="Error">The error.</param>
public sealed record SoraErrorResponse(SoraErrorDetail? Error);
