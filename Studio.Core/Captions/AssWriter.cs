using System.Globalization;
using System.Text;
using Studio.Core.Templates;

namespace Studio.Core.Captions;

/// <summary>
/// Writes cues as an ASS script for burning in with libass: the script's resolution is the frame's, so sizes and
/// margins are plain pixels computed from the template's <see cref="CaptionStyle"/> — white bold text with a black
/// outline, bottom-centred inside the safe area.
/// </summary>
public static class AssWriter
{
    /// <summary>The ASS text.</summary>
    public static string Write(IEnumerable<CaptionCue> cues, FrameSize size, CaptionStyle style, string font)
    {
        ArgumentNullException.ThrowIfNull(cues);
        ArgumentNullException.ThrowIfNull(style);
        ArgumentNullException.ThrowIfNull(font);
        var fontSize = Math.Max(12, (int)Math.Round(size.Height * style.FontHeightRatio));
        var outline = Math.Max(1, Math.Round(fontSize * style.OutlineRatio, 1));
        var bottom = (int)Math.Round(size.Height * style.BottomMarginRatio);
        var side = (int)Math.Round(size.Width * style.SideMarginRatio);
        var text = new StringBuilder()
            .Append("[Script Info]\nScriptType: v4.00+\nWrapStyle: 0\nScaledBorderAndShadow: yes\n")
            .Append(CultureInfo.InvariantCulture, $"PlayResX: {size.Width}\nPlayResY: {size.Height}\n\n")
            .Append("[V4+ Styles]\n")
            .Append("Format: Name, Fontname, Fontsize, PrimaryColour, SecondaryColour, OutlineColour, BackColour, Bold, Italic, Underline, StrikeOut, ScaleX, ScaleY, Spacing, Angle, BorderStyle, Outline, Shadow, Alignment, MarginL, MarginR, MarginV, Encoding\n")
            .Append(CultureInfo.InvariantCulture, $"Style: Caption,{font.Replace(",", " ", StringComparison.Ordinal)},{fontSize},&H00FFFFFF,&H00FFFFFF,&H00000000,&H80000000,-1,0,0,0,100,100,0,0,1,{outline.ToString("0.#", CultureInfo.InvariantCulture)},0,2,{side},{side},{bottom},1\n\n")
            .Append("[Events]\nFormat: Layer, Start, End, Style, Name, MarginL, MarginR, MarginV, Effect, Text\n");
        foreach (var cue in cues)
        {
            text.Append(CultureInfo.InvariantCulture, $"Dialogue: 0,{Time(cue.Start)},{Time(cue.End)},Caption,,0,0,0,,")
                .AppendJoin(@"\N", cue.Lines.Select(Escape))
                .Append('\n');
        }

        return text.ToString();
    }

    /// <summary>An ASS timestamp (H:MM:SS.cc).</summary>
    private static string Time(TimeSpan value)
    {
        var centiseconds = (long)Math.Round(value.TotalMilliseconds / 10);
        return string.Create(CultureInfo.InvariantCulture, $"{centiseconds / 360000}:{centiseconds / 6000 % 60:00}:{centiseconds / 100 % 60:00}.{centiseconds % 100:00}");
    }

    // Braces open override blocks and a backslash starts an escape in ASS text; narration shows them as look-alikes.
    private static string Escape(string line) =>
        line.Replace("\\", "\u29F5", StringComparison.Ordinal).Replace("{", "(", StringComparison.Ordinal).Replace("}", ")", StringComparison.Ordinal);
}
