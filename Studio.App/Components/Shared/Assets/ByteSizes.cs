using System.Globalization;

namespace Studio.App.Components.Shared.Assets;

/// <summary>File sizes for people: "840 B", "12.5 KB", "3.2 MB" (French: "12,5 Ko", "3,2 Mo"), in the current culture.</summary>
internal static class ByteSizes
{
    private static readonly string[] English = ["B", "KB", "MB", "GB"];
    private static readonly string[] French = ["o", "Ko", "Mo", "Go"];

    /// <summary>The size with one decimal at most, in the largest unit that keeps the number at 1 or more (1 KB = 1024 B).</summary>
    public static string Format(long bytes)
    {
        var units = CultureInfo.CurrentUICulture.TwoLetterISOLanguageName == "fr" ? French : English;
        double value = Math.Max(0, bytes);
        var unit = 0;
        while (value >= 1024 && unit < units.Length - 1)
        {
            value /= 1024;
            unit++;
        }

        var number = unit == 0 ? value.ToString("0", CultureInfo.CurrentCulture) : value.ToString("0.#", CultureInfo.CurrentCulture);
        return number + "\u00A0" + units[unit];
    }
}
