namespace Studio.Core.Assembly;

/// <summary>A narration line placed in the cut.</summary>
/// <param name="File">The speech audio file.</param>
/// <param name="ClipIndex">The segment it is said over.</param>
/// <param name="Offset">When it starts, from the start of its segment.</param>
/// <param name="Tempo">Playback speed (1 = as recorded; above 1 = sped up with atempo to fit).</param>
public sealed record PlannedSpeech(string File, int ClipIndex, TimeSpan Offset, double Tempo);
