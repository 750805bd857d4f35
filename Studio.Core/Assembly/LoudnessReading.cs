using System.Globalization;
using System.Text.RegularExpressions;

namespace Studio.Core.Assembly;

/// <summary>What FFmpeg's <c>ebur128=peak=true</c> summary says of a mix.</summary>
/// <param name="IntegratedLufs">Integrated loudness in LUFS (−70 for silence).</param>
/// <param name="TruePeakDbtp">True peak in dBTP.</param>
internal sealed partial record LoudnessReading(double IntegratedLufs, double TruePeakDbtp)
{
    /// <summary>Reads the last summary in FFmpeg's log, or null when there is none.</summary>
    public static LoudnessReading? Parse(IEnumerable<string> log)
    {
        var text = string.Join('\n', log);
        var summary = text.LastIndexOf("Summary:", StringComparison.Ordinal);
        if (summary < 0)
        {
            return null;
        }

        var tail = text[summary..];
        var integrated = Integrated().Match(tail);
        var peak = Peak().Match(tail);
        return integrated.Success
            ? new LoudnessReading(Number(integrated.Groups[1].Value), peak.Success ? Number(peak.Groups[1].Value) : double.NegativeInfinity)
            : null;
    }

    private static double Number(string value) =>
        value == "-inf" ? double.NegativeInfinity : double.Parse(value, CultureInfo.InvariantCulture);

    [GeneratedRegex(@"I:\s+(-?[\d.]+|-inf) LUFS")]
    private static partial Regex Integrated();

    [GeneratedRegex(@"Peak:\s+(-?[\d.]+|-inf) dBFS")]
    private static partial Regex Peak();
}
