using System.Globalization;

namespace Studio.App.Components.Shared.Charts;

/// <summary>Dollars, percentages and counts in the reader's culture ("$1,234.50" in English, "1 234,50 $" in French).</summary>
internal static class Money
{
    /// <summary>US dollars with two decimals, in the current culture's digits and order.</summary>
    public static string Usd(decimal usd) => Usd(usd, 2);

    /// <summary>US dollars with <paramref name="decimals"/> decimals (none for an axis of whole dollars).</summary>
    public static string Usd(decimal usd, int decimals)
    {
        var format = (NumberFormatInfo)CultureInfo.CurrentCulture.NumberFormat.Clone();
        format.CurrencySymbol = "$";
        return usd.ToString("C" + decimals.ToString(CultureInfo.InvariantCulture), format);
    }

    /// <summary>"83%" for 0.83, "83 %" (no-break space) in French; an em dash when there is nothing to divide.</summary>
    /// <remarks>Written out rather than "P0": the culture data on a server may lack the language's percent pattern.</remarks>
    public static string Percent(double? share) => share is { } s
        ? Math.Round(s * 100).ToString("0", CultureInfo.CurrentCulture) + (CultureInfo.CurrentUICulture.TwoLetterISOLanguageName == "fr" ? "\u00A0%" : "%")
        : "—";

    /// <summary>A whole number in the current culture ("1,234" / "1 234").</summary>
    public static string Count(int count) => count.ToString("N0", CultureInfo.CurrentCulture);

    /// <summary>"3 min 05 s"; an em dash when nothing finished.</summary>
    public static string Duration(TimeSpan? span) => span is { } s ? Formats.Duration(s) : "—";
}
