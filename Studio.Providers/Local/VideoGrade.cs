using System.Globalization;
using System.Text.RegularExpressions;

namespace Studio.Providers.Local;

/// <summary>
/// The colour grade video-to-video gives a clip: named by the template's style words when they ask for one
/// ("noir", "vintage", "warm", "cool", "vivid"), else a cinematic teal-and-orange look.
/// </summary>
internal static class VideoGrade
{
    /// <summary>The FFmpeg filter chain of the grade the style prompt asks for.</summary>
    /// <remarks>
    /// Only filters that work on YUV directly (eq, hue, lutyuv tables): colorbalance or curves would convert every
    /// frame to RGB and back, which costs seconds per clip at 1080p on this class of machine.
    /// </remarks>
    public static string For(string stylePrompt)
    {
        var style = stylePrompt ?? string.Empty;
        if (Mentions(style, "noir", "black and white", "black & white", "monochrome", "grayscale", "greyscale"))
        {
            return "hue=s=0,eq=contrast=1.18:gamma=0.95";
        }

        if (Mentions(style, "vintage", "retro", "faded", "nostalgic", "film grain"))
        {
            return "eq=contrast=0.9:saturation=0.7:gamma=1.04," + Tint(y: "val*0.88+20", u: -8, v: 7);
        }

        if (Mentions(style, "warm", "golden", "sunset", "cozy", "cosy"))
        {
            return "eq=contrast=1.05:saturation=1.15:gamma=1.02," + Tint(y: null, u: -6, v: 7);
        }

        if (Mentions(style, "cool", "cold", "winter", "icy", "futuristic", "tech"))
        {
            return "eq=contrast=1.06:saturation=1.05," + Tint(y: null, u: 8, v: -5);
        }

        if (Mentions(style, "vivid", "vibrant", "colorful", "colourful", "bold", "pop"))
        {
            return "eq=contrast=1.12:saturation=1.4:gamma=0.98";
        }

        // Cinematic: more contrast, lifted blacks, a little less colour and a warm cast.
        return "eq=contrast=1.1:saturation=0.92:gamma=0.98," + Tint(y: "val*0.95+10", u: -3, v: 4);
    }

    /// <summary>A lutyuv that shifts the chroma planes (u: towards blue, v: towards red) and optionally remaps luma.</summary>
    private static string Tint(string? y, int u, int v) =>
        "lutyuv=" + (y is null ? string.Empty : $"y='clip({y},0,255)':") +
        string.Create(CultureInfo.InvariantCulture, $"u='clip(val{u:+0;-0},0,255)':v='clip(val{v:+0;-0},0,255)'");

    private static bool Mentions(string style, params string[] words) =>
        words.Any(w => Regex.IsMatch(
            style,
            $@"\b{Regex.Escape(w)}\b",
            RegexOptions.IgnoreCase | RegexOptions.CultureInvariant,
            TimeSpan.FromSeconds(1)));
}
