namespace Studio.Core.Scripts;

/// <summary>The languages Studio writes and speaks narration in, as lower-case ISO 639-1 codes.</summary>
public static class NarrationLanguages
{
    /// <summary>English.</summary>
    public const string English = "en";

    /// <summary>French.</summary>
    public const string French = "fr";

    /// <summary>Every supported code.</summary>
    public static IReadOnlyList<string> All { get; } = [English, French];

    /// <summary>The supported code that <paramref name="value"/> names (any case, surrounding spaces ignored), or null.</summary>
    public static string? Normalize(string? value)
    {
        var code = value?.Trim().ToLowerInvariant();
        return code is not null && All.Contains(code) ? code : null;
    }
}
