namespace Studio.Core.Assembly;

/// <summary>
/// Where and how fast a narration line plays in its segment. Speech is never cut: a short line starts after the
/// lead-in and the rest of the segment is silence; a line slightly too long starts earlier, then is sped up (atempo,
/// pitch kept) up to a limit; a line longer than that does not fit (<see cref="For"/> returns null) and the caller
/// reports it.
/// </summary>
/// <param name="Offset">When it starts, from the start of the segment.</param>
/// <param name="Tempo">Playback speed (1 = as recorded).</param>
/// <param name="Spoken">How long it lasts once fitted.</param>
public sealed record SpeechFit(TimeSpan Offset, double Tempo, TimeSpan Spoken)
{
    /// <summary>Silence kept at each end of a segment even when speech is tight, so lines never run into each other.</summary>
    public static readonly TimeSpan MinMargin = TimeSpan.FromSeconds(0.1);

    /// <summary>Fits <paramref name="speech"/> into <paramref name="segment"/>, or null when even <paramref name="maxTempo"/> is not enough.</summary>
    public static SpeechFit? For(TimeSpan speech, TimeSpan segment, TimeSpan leadIn, double maxTempo)
    {
        if (speech <= TimeSpan.Zero)
        {
            return new SpeechFit(leadIn, 1, TimeSpan.Zero);
        }

        if (leadIn + speech + MinMargin <= segment)
        {
            return new SpeechFit(leadIn, 1, speech);
        }

        var room = segment - (MinMargin * 2);
        if (speech <= room)
        {
            return new SpeechFit(segment - MinMargin - speech, 1, speech);
        }

        var tempo = speech / room;
        return tempo <= maxTempo ? new SpeechFit(MinMargin, Math.Round(tempo, 4), speech / Math.Round(tempo, 4)) : null;
    }
}
