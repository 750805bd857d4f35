namespace Studio.Core.Templates;

/// <summary>
/// How burned-in captions look, in fractions of the frame so one style serves every size.
/// The default keeps 9:16 captions inside the platforms' safe area: above the bottom 22 % (where Reels, Shorts and
/// TikTok draw their buttons and description) and 7 % in from each side.
/// </summary>
/// <param name="FontHeightRatio">Font size as a fraction of the frame height. Default 0.028 (54 px at 1920).</param>
/// <param name="OutlineRatio">Outline width as a fraction of the font size. Default 0.1.</param>
/// <param name="BottomMarginRatio">Distance from the bottom edge to the last line, as a fraction of the height. Default 0.22.</param>
/// <param name="SideMarginRatio">Distance from each side, as a fraction of the width. Default 0.07.</param>
public sealed record CaptionStyle(double FontHeightRatio, double OutlineRatio, double BottomMarginRatio, double SideMarginRatio)
{
    /// <summary>The style of the default templates.</summary>
    public static CaptionStyle Default { get; } = new(0.028, 0.1, 0.22, 0.07);
}
