using System.Globalization;

namespace Studio.Core.Notifications;

/// <summary>
/// The languages notification e-mails are written in: English (the default) and French, as the app's pages. A user's
/// choice is stored as its two-letter name ("en", "fr"); anything else reads as English.
/// </summary>
public static class EmailLanguages
{
    /// <summary>English, the default and the fallback.</summary>
    public const string English = "en";

    /// <summary>French.</summary>
    public const string French = "fr";

    /// <summary>Longest stored name.</summary>
    public const int MaxLength = 8;

    /// <summary>The languages offered, English first.</summary>
    public static IReadOnlyList<string> Supported { get; } = [English, French];

    /// <summary>The supported language a name stands for ("fr-CA" is French); English for anything else or nothing.</summary>
    public static string Normalize(string? name)
    {
        if (string.IsNullOrWhiteSpace(name))
        {
            return English;
        }

        var language = name.Trim().Split('-', '_')[0];
        return Supported.FirstOrDefault(s => string.Equals(s, language, StringComparison.OrdinalIgnoreCase)) ?? English;
    }

    /// <summary>The supported language of a culture (a page's UI culture), English when Studio does not speak it.</summary>
    public static string Of(CultureInfo culture)
    {
        ArgumentNullException.ThrowIfNull(culture);
        return Normalize(culture.TwoLetterISOLanguageName);
    }

    /// <summary>The culture an e-mail in <paramref name="language"/> is written and formatted in.</summary>
    public static CultureInfo CultureOf(string? language) => CultureInfo.GetCultureInfo(Normalize(language));
}
