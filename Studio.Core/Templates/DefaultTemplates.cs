using Studio.Core.Assembly;
using Studio.Core.Scripts;
using Studio.Core.Segments;

namespace Studio.Core.Templates;

/// <summary>The templates every installation starts with.</summary>
public static class DefaultTemplates
{
    /// <summary>Name of the 6 × 5 s vertical template.</summary>
    public const string Reels30 = "Reels 30s Standard";

    /// <summary>Name of the 9 × 5 s vertical template.</summary>
    public const string ProductDemo45 = "Product Demo 45s";

    /// <summary>Name of the 12 × 5 s landscape template.</summary>
    public const string Explainer60 = "YouTube Short Explainer 60s";

    /// <summary>
    /// Builds the default templates, stamped with <paramref name="now"/>. Reels 30s keeps hard cuts so a quick video
    /// (no voice, no captions) is still joined by stream copy in a second; the longer ones crossfade or fade.
    /// </summary>
    public static IReadOnlyList<VideoTemplate> Create(DateTimeOffset now) =>
    [
        new(
            Guid.CreateVersion7(now),
            Reels30,
            "Six quick beats for Reels, Shorts and TikTok: a hook, four points, a call to action.",
            AspectRatio.Portrait9x16,
            segmentCount: 6,
            segmentSeconds: 5,
            defaultProvider: "local",
            GenerationMode.TextToVideo,
            stylePrompt: "vibrant, modern, clean motion graphics",
            [
                "{theme}",
                "Why it matters: {theme}",
                "Point one: start simple",
                "Point two: build on what works",
                "Point three: share what you learn",
                "Follow for more: {theme}",
            ],
            now,
            NarrationLanguages.English,
            TransitionStyle.Cut,
            CaptionStyle.Default),
        new(
            Guid.CreateVersion7(now),
            ProductDemo45,
            "Nine beats that walk through a product: the problem, the product in use, the offer.",
            AspectRatio.Portrait9x16,
            segmentCount: 9,
            segmentSeconds: 5,
            defaultProvider: "local",
            GenerationMode.TextToVideo,
            stylePrompt: "crisp product shots, soft studio light",
            [
                "{theme}",
                "The problem it solves",
                "Meet the product",
                "Feature one in action",
                "Feature two in action",
                "Feature three in action",
                "What customers say",
                "Pricing that fits",
                "Try it today: {theme}",
            ],
            now,
            NarrationLanguages.English,
            TransitionStyle.Crossfade,
            CaptionStyle.Default),
        new(
            Guid.CreateVersion7(now),
            Explainer60,
            "Twelve landscape beats that explain one idea step by step.",
            AspectRatio.Landscape16x9,
            segmentCount: 12,
            segmentSeconds: 5,
            defaultProvider: "local",
            GenerationMode.TextToVideo,
            stylePrompt: "friendly explainer animation, clear shapes",
            [
                "{theme}",
                "The question",
                "Step one",
                "Step two",
                "Step three",
                "Step four",
                "A common mistake",
                "How to avoid it",
                "An example",
                "The result",
                "Recap: {theme}",
                "Subscribe for more",
            ],
            now,
            NarrationLanguages.English,
            TransitionStyle.Fade,
            CaptionStyle.Default),
    ];
}
