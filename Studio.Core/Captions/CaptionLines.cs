namespace Studio.Core.Captions;

/// <summary>Splits narration into readable caption lines.</summary>
public static class CaptionLines
{
    /// <summary>Longest caption line, in characters: what fits across a 9:16 frame at the default size and reads in one glance.</summary>
    public const int MaxLineLength = 32;

    /// <summary>Lines shown at once.</summary>
    public const int LinesPerCue = 2;

    /// <summary>
    /// Breaks <paramref name="text"/> into lines of at most <paramref name="max"/> characters at spaces; a single word
    /// longer than that is split (with a hyphen) rather than overflow the frame.
    /// </summary>
    public static IReadOnlyList<string> Split(string text, int max = MaxLineLength)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentOutOfRangeException.ThrowIfLessThan(max, 4);
        var lines = new List<string>();
        var line = string.Empty;
        foreach (var raw in text.Split(' ', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var word = raw;
            while (word.Length > max)
            {
                if (line.Length > 0)
                {
                    lines.Add(line);
                    line = string.Empty;
                }

                lines.Add(word[..(max - 1)] + "-");
                word = word[(max - 1)..];
            }

            if (line.Length == 0)
            {
                line = word;
            }
            else if (line.Length + 1 + word.Length <= max)
            {
                line += " " + word;
            }
            else
            {
                lines.Add(line);
                line = word;
            }
        }

        if (line.Length > 0)
        {
            lines.Add(line);
        }

        return lines;
    }
}
