using System.Globalization;
using Studio.Core.Costs;
using Studio.Core.Jobs;
using Studio.Core.Templates;

namespace Studio.App.Components.Shared;

/// <summary>
/// Text for money, percentages, durations and moments, the same on every page. Amounts stay in US dollars (what the
/// providers bill); the words follow the page's language (English, or French when the UI culture is French), and the
/// digits its culture ("$1,234.50" and "7.5" in English, "1 234,50 $" and "7,5" in French).
/// </summary>
internal static class Formats
{
    private static readonly CultureInfo Culture = CultureInfo.InvariantCulture;

    private static bool French => CultureInfo.CurrentUICulture.TwoLetterISOLanguageName == "fr";

    // Digits in French when the page's culture is French; otherwise the English (invariant) digits every page had so far.
    private static CultureInfo Digits => CultureInfo.CurrentCulture.TwoLetterISOLanguageName == "fr" ? CultureInfo.CurrentCulture : Culture;

    private static string Say(string english, string french) => French ? french : english;

    /// <summary>"$1.23", "$1,234.00", "$0.00" ("1,23 $" in French); "&lt; $0.01" for a real but tiny amount.</summary>
    public static string Usd(decimal usd) => usd is > 0 and < 0.005m
        ? "< " + Amount(0.01m)
        : Amount(usd);

    private static string Amount(decimal usd) => ReferenceEquals(Digits, Culture)
        ? "$" + usd.ToString("N2", Culture)
        : usd.ToString("N2", Digits) + "\u00A0$";

    /// <summary>A job's cost with a word saying what it is: spent once finished, estimated before; free when nothing is billed.</summary>
    public static (string Amount, string Note) Cost(JobStatus status, decimal estimatedUsd, decimal actualUsd)
    {
        if (estimatedUsd == 0 && actualUsd == 0)
        {
            return (Usd(0), Say("free", "gratuit"));
        }

        return status.IsFinished() ? (Usd(actualUsd), Say("spent", "dépensé")) : ("~" + Usd(estimatedUsd), Say("estimated", "estimé"));
    }

    /// <summary>"segments $0.90 · script $0.01 · voice $0.02": a cost by part, every part named even when nothing.</summary>
    public static string Breakdown(CostBreakdown cost)
    {
        ArgumentNullException.ThrowIfNull(cost);
        return $"{Say("segments", "segments")} {Usd(cost.Segments)} · {Say("script", "script")} {Usd(cost.Script)} · {Say("voice", "voix")} {Usd(cost.Voice)}";
    }

    /// <summary>"8", "7.5" ("7,5" in French): a number of seconds without needless decimals.</summary>
    public static string Seconds(double seconds) => seconds.ToString("0.#", Digits);

    /// <summary>"42%" for 0.42 ("42 %" in French); rounded down, so "100%" means done, never 99.5 % of the way.</summary>
    public static string Percent(double progress) =>
        Math.Floor((Math.Clamp(progress, 0, 1) * 100) + 1e-9).ToString("0", Culture) + (ReferenceEquals(Digits, Culture) ? "%" : "\u00A0%");

    /// <summary>"45 s", "3 min 05 s", "1 h 02 min".</summary>
    public static string Duration(TimeSpan span)
    {
        if (span < TimeSpan.Zero)
        {
            span = TimeSpan.Zero;
        }

        return span.TotalHours >= 1
            ? string.Create(Culture, $"{(int)span.TotalHours} h {span.Minutes:00} min")
            : span.TotalMinutes >= 1
                ? string.Create(Culture, $"{(int)span.TotalMinutes} min {span.Seconds:00} s")
                : string.Create(Culture, $"{(int)span.TotalSeconds} s");
    }

    /// <summary>"just now", "5 min ago", "3 h ago", "yesterday", "4 days ago", then the date ("12 Mar 2026").</summary>
    public static string Relative(DateTimeOffset at, DateTimeOffset now)
    {
        var ago = now - at;
        if (ago < TimeSpan.FromMinutes(1))
        {
            return Say("just now", "à l’instant");
        }

        if (ago < TimeSpan.FromHours(1))
        {
            return French ? string.Create(Culture, $"il y a {(int)ago.TotalMinutes} min") : string.Create(Culture, $"{(int)ago.TotalMinutes} min ago");
        }

        if (ago < TimeSpan.FromDays(1))
        {
            return French ? string.Create(Culture, $"il y a {(int)ago.TotalHours} h") : string.Create(Culture, $"{(int)ago.TotalHours} h ago");
        }

        if (ago < TimeSpan.FromDays(2))
        {
            return Say("yesterday", "hier");
        }

        return ago < TimeSpan.FromDays(7)
            ? French ? string.Create(Culture, $"il y a {(int)ago.TotalDays} jours") : string.Create(Culture, $"{(int)ago.TotalDays} days ago")
            : at.ToString("d MMM yyyy", French ? CultureInfo.GetCultureInfo("fr") : Culture);
    }

    /// <summary>The exact moment, for a tooltip: "2026-03-12 14:05 UTC".</summary>
    public static string Exact(DateTimeOffset at) => at.ToUniversalTime().ToString("yyyy-MM-dd HH:mm 'UTC'", Culture);

    /// <summary>"6 × 5 s · 9:16", a template's shape in a few characters.</summary>
    public static string Shape(int segmentCount, int segmentSeconds, AspectRatio ratio) =>
        string.Create(Culture, $"{segmentCount} × {segmentSeconds} s · {ratio.ToDisplay()}");
}
