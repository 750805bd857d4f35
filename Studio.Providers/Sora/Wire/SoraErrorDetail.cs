namespace Studio.Providers.Sora.Wire;

/// <summary>The inside of OpenAI's error envelope.</summary>
/// <param name="Message">OpenAI's words.</param>
/// <param name="Type">e.g. "invalid_request_error", "insufficient_quota".</param>
/// <param name="Param">The request field at fault, if any.</param>
/// <param name="Code">e.g. "moderation_blocked", "insufficient_quota", "rate_limit_exceeded"; often null.</param>
public sealed record SoraErrorDetail(string? Message, string? Type, string? Param, string? Code);
