namespace Studio.Core.Voice;

/// <summary>Which voice reads a job's narration.</summary>
/// <param name="Engine">The voice engine's name ("espeak", "openai", "elevenlabs").</param>
/// <param name="Voice">The engine's own voice name or id; null lets the engine pick its default for the language.</param>
public sealed record VoiceChoice(string Engine, string? Voice);
