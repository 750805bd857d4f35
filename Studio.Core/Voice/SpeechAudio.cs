namespace Studio.Core.Voice;

/// <summary>A synthesised line.</summary>
/// <param name="File">The audio file (a scratch file the caller deletes).</param>
/// <param name="Duration">How long it lasts, as ffprobe reads it.</param>
public sealed record SpeechAudio(string File, TimeSpan Duration);
