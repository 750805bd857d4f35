using System.Globalization;

namespace Studio.App.Components.Shared.Charts;

/// <summary>Dollars, percentages and counts in the reader's culture ("$1,234.50" in English, "1 234,50 $" in French).</summary>
internal static class Money
{
    /// <summary>US dollars with two decimals, in the current culture's digits and order.</summary>
    public static string Usd(decimal usd)
    {
        var format = (NumberFormatInfo)CultureInfo.CurrentCulture.NumberFormat.Clone();
        format.CurrencySymbol = "$";
        return usd.ToString("C2", format);
    }

    /// <summary>"83 %" / "83%" for 0.83; an em dash when there is nothing to divide.</summary>
    public static string Percent(double? share) => share is { } s ? s.ToString("P0", CultureInfo.CurrentCulture) : "—";

    /// <summary>A whole number in the current culture ("1,234" / "1 234").</summary>
    public static string Count(int count) => count.ToString("N0", CultureInfo.CurrentCulture);

    /// <summary>"3 min 05 s"; an em dash when nothing finished.</summary>
    public static string Duration(TimeSpan? span) => span is { } s ? Formats.Duration(s) : "—";
}
