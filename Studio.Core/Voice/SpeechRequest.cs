namespace Studio.Core.Voice;

/// <summary>One line to read aloud.</summary>
/// <param name="Text">The words.</param>
/// <param name="Language">Their language ("en" or "fr").</param>
/// <param name="Voice">The engine's voice name or id; null for its default in that language.</param>
public sealed record SpeechRequest(string Text, string Language, string? Voice);
