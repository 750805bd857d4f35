namespace Studio.Core.Templates;

/// <summary>The frame shapes a template can ask for.</summary>
public enum AspectRatio
{
    /// <summary>9:16 vertical (Reels, Shorts, TikTok), rendered at 1080×1920.</summary>
    Portrait9x16,

    /// <summary>16:9 landscape (YouTube), rendered at 1920×1080.</summary>
    Landscape16x9,

    /// <summary>1:1 square, rendered at 1080×1080.</summary>
    Square1x1,

    /// <summary>4:5 portrait (feed posts), rendered at 1080×1350.</summary>
    Portrait4x5,
}
