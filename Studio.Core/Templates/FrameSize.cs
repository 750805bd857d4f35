namespace Studio.Core.Templates;

/// <summary>A frame size in pixels.</summary>
/// <param name="Width">Width in pixels.</param>
/// <param name="Height">Height in pixels.</param>
public readonly record struct FrameSize(int Width, int Height)
{
    /// <summary>The output size Studio renders for an aspect ratio.</summary>
    public static FrameSize For(AspectRatio ratio) => ratio switch
    {
        AspectRatio.Portrait9x16 => new(1080, 1920),
        AspectRatio.Landscape16x9 => new(1920, 1080),
        AspectRatio.Square1x1 => new(1080, 1080),
        AspectRatio.Portrait4x5 => new(1080, 1350),
        _ => throw new ArgumentOutOfRangeException(nameof(ratio), ratio, "Unknown aspect ratio."),
    };

    /// <inheritdoc />
    public override string ToString() => $"{Width}x{Height}";
}
