using Studio.Core.Templates;

namespace Studio.Providers.Local;

/// <summary>The part of a frame that no platform's buttons or captions cover, where text may go.</summary>
/// <param name="Left">Left edge in pixels.</param>
/// <param name="Top">Top edge in pixels.</param>
/// <param name="Width">Width in pixels.</param>
/// <param name="Height">Height in pixels.</param>
internal readonly record struct SafeArea(int Left, int Top, int Width, int Height)
{
    /// <summary>
    /// The safe area of a frame. Vertical 9:16 keeps clear of the top bar and of the caption area at the bottom of
    /// Reels, Shorts and TikTok; other shapes keep the classic 10 % title-safe margin.
    /// </summary>
    public static SafeArea For(FrameSize frame)
    {
        var tall = frame.Height * 9 >= frame.Width * 16;
        var (left, right, top, bottom) = tall ? (0.1, 0.1, 0.14, 0.22) : (0.1, 0.1, 0.1, 0.1);
        var x = (int)Math.Round(frame.Width * left);
        var y = (int)Math.Round(frame.Height * top);
        return new SafeArea(
            x,
            y,
            (int)Math.Round(frame.Width * (1 - right)) - x,
            (int)Math.Round(frame.Height * (1 - bottom)) - y);
    }
}
