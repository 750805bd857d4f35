namespace Studio.App.Features.Jobs;

/// <summary>A job's voice as the API shows it.</summary>
public sealed record VoiceResponse(string Engine, string? Voice);
