using System.Globalization;
using Microsoft.AspNetCore.Localization;

namespace Studio.App.Hosting.Localization;

/// <summary>
/// The languages Studio speaks. English texts are the keys (a missing translation shows the English text); French
/// lives in <c>Resources/…/*.fr.resx</c>, one file per component, beside the path of the component it serves.
/// </summary>
internal static class StudioCultures
{
    /// <summary>English first: the fallback for a browser that asks for neither.</summary>
    public static readonly IReadOnlyList<string> Supported = ["en", "fr"];

    /// <summary>The language a name stands for, or null when Studio does not speak it.</summary>
    public static string? Find(string? name) =>
        Supported.FirstOrDefault(s => string.Equals(s, name, StringComparison.OrdinalIgnoreCase));

    /// <summary>The cookie that carries a user's explicit choice (it wins over the browser's Accept-Language).</summary>
    public static string CookieName => CookieRequestCultureProvider.DefaultCookieName;

    /// <summary>The native name shown in the switcher ("English", "Français").</summary>
    public static string NativeName(string name)
    {
        var native = CultureInfo.GetCultureInfo(name).NativeName;
        return char.ToUpper(native[0], CultureInfo.GetCultureInfo(name)) + native[1..];
    }
}
