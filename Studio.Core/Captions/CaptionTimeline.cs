namespace Studio.Core.Captions;

/// <summary>
/// Times captions from narration: each segment's line is split into cues of up to two lines, shown while the line is
/// spoken, each cue on screen for a share of that time proportional to its length.
/// </summary>
public static class CaptionTimeline
{
    /// <summary>Shortest time a cue stays on screen.</summary>
    public static readonly TimeSpan MinCueDuration = TimeSpan.FromSeconds(0.8);

    /// <summary>The cues of one spoken line between <paramref name="start"/> and <paramref name="end"/> of the cut.</summary>
    public static IReadOnlyList<CaptionCue> ForLine(string narration, TimeSpan start, TimeSpan end)
    {
        ArgumentNullException.ThrowIfNull(narration);
        var lines = CaptionLines.Split(narration);
        if (lines.Count == 0 || end <= start)
        {
            return [];
        }

        if (end - start < MinCueDuration)
        {
            end = start + MinCueDuration;
        }

        var groups = lines.Chunk(CaptionLines.LinesPerCue).Select(g => (IReadOnlyList<string>)g).ToList();
        var weights = groups.Select(g => (double)g.Sum(l => l.Length + 1)).ToList();
        var total = weights.Sum();
        var cues = new List<CaptionCue>(groups.Count);
        var at = start;
        for (var i = 0; i < groups.Count; i++)
        {
            var next = i == groups.Count - 1 ? end : at + ((end - start) * (weights[i] / total));
            cues.Add(new CaptionCue(Round(at), Round(next), groups[i]));
            at = next;
        }

        return cues;
    }

    // SRT counts milliseconds; rounding here keeps the SRT and the burned-in captions on the same instants.
    private static TimeSpan Round(TimeSpan value) => TimeSpan.FromMilliseconds(Math.Round(value.TotalMilliseconds));
}
