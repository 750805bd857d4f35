using System.Text.RegularExpressions;

namespace Studio.Providers.Local;

/// <summary>
/// The colour grade video-to-video gives a clip: named by the template's style words when they ask for one
/// ("noir", "vintage", "warm", "cool", "vivid"), else a cinematic teal-and-orange look.
/// </summary>
internal static class VideoGrade
{
    /// <summary>The FFmpeg filter chain of the grade the style prompt asks for.</summary>
    public static string For(string stylePrompt)
    {
        var style = stylePrompt ?? string.Empty;
        if (Mentions(style, "noir", "black and white", "black & white", "monochrome", "grayscale", "greyscale"))
        {
            return "hue=s=0,eq=contrast=1.15:gamma=0.95";
        }

        if (Mentions(style, "vintage", "retro", "faded", "nostalgic", "film grain"))
        {
            return "curves=preset=vintage,eq=saturation=0.9";
        }

        if (Mentions(style, "warm", "golden", "sunset", "cozy", "cosy"))
        {
            return "eq=contrast=1.05:saturation=1.15:gamma=1.02,colorbalance=rs=0.06:bs=-0.05:rm=0.05:bm=-0.04:rh=0.04:bh=-0.03";
        }

        if (Mentions(style, "cool", "cold", "winter", "icy", "futuristic", "tech"))
        {
            return "eq=contrast=1.06:saturation=1.05,colorbalance=rs=-0.05:bs=0.07:rm=-0.03:bm=0.05:rh=-0.02:bh=0.03";
        }

        if (Mentions(style, "vivid", "vibrant", "colorful", "colourful", "bold", "pop"))
        {
            return "eq=contrast=1.12:saturation=1.4:gamma=0.98";
        }

        return "eq=contrast=1.08:saturation=1.1,colorbalance=rs=-0.05:bs=0.06:rh=0.06:gh=0.02:bh=-0.06";
    }

    private static bool Mentions(string style, params string[] words) =>
        words.Any(w => Regex.IsMatch(
            style,
            $@"\b{Regex.Escape(w)}\b",
            RegexOptions.IgnoreCase | RegexOptions.CultureInvariant,
            TimeSpan.FromSeconds(1)));
}
