using System.Globalization;

namespace Studio.Providers.Local;

/// <summary>Writes values into FFmpeg filter graphs.</summary>
internal static class FilterGraphText
{
    /// <summary>
    /// Quotes a string (a file path) for a filter option inside a filter graph. FFmpeg unquotes twice — once when it
    /// splits the graph into filters, once when it splits a filter's arguments into options — so it is quoted twice.
    /// </summary>
    public static string OptionValue(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        return Quote(Quote(value));
    }

    /// <summary>A number as FFmpeg reads it (invariant culture, no exponent for everyday values).</summary>
    public static string Number(double value) => value.ToString("0.######", CultureInfo.InvariantCulture);

    /// <summary>An integer as FFmpeg reads it.</summary>
    public static string Number(int value) => value.ToString(CultureInfo.InvariantCulture);

    private static string Quote(string value) => "'" + value.Replace("'", @"'\''", StringComparison.Ordinal) + "'";
}
