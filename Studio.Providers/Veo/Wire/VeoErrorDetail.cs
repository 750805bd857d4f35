namespace Studio.Providers.Veo.Wire;

/// <summary>One detail of a <see cref="VeoStatus"/>; only an <c>ErrorInfo</c>'s reason is read.</summary>
/// <param name="Reason">E.g. "API_KEY_INVALID".</param>
public sealed record VeoErrorDetail(string? Reason);
