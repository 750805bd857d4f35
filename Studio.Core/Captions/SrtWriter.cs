using System.Globalization;
using System.Text;

namespace Studio.Core.Captions;

/// <summary>Writes cues as SubRip (SRT): numbered blocks, <c>HH:MM:SS,mmm --> HH:MM:SS,mmm</c>, the lines, a blank line.</summary>
public static class SrtWriter
{
    /// <summary>The SRT text (UTF-8 when saved; lines end with CRLF as the format's players expect).</summary>
    public static string Write(IEnumerable<CaptionCue> cues)
    {
        ArgumentNullException.ThrowIfNull(cues);
        var text = new StringBuilder();
        var number = 0;
        foreach (var cue in cues)
        {
            text.Append(CultureInfo.InvariantCulture, $"{++number}\r\n{Time(cue.Start)} --> {Time(cue.End)}\r\n");
            foreach (var line in cue.Lines)
            {
                text.Append(line).Append("\r\n");
            }

            text.Append("\r\n");
        }

        return text.ToString();
    }

    /// <summary>An SRT timestamp.</summary>
    public static string Time(TimeSpan value) =>
        string.Create(CultureInfo.InvariantCulture, $"{(int)value.TotalHours:00}:{value.Minutes:00}:{value.Seconds:00},{value.Milliseconds:000}");
}
