namespace Studio.Providers.Sora.Wire;

/// <summary>A failed video's <c>error</c>: a code (e.g. "moderation_blocked") and OpenAI's message.</summary>
/// <param name="Code">Machine-readable reason (values unconfirmed beyond "moderation_blocked").</param>
/// <param name="Message">OpenAI's words.</param>
public sealed record SoraVideoError(string? Code, string? Message);
