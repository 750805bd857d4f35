namespace Studio.App.Features.Jobs;

/// <summary>The <c>voice</c> of <c>POST /api/jobs</c>: an engine ("espeak", "openai", "elevenlabs") and optionally one of its voices.</summary>
public sealed record VoiceRequest(string? Engine, string? Voice);
