namespace Studio.Core.Assembly;

/// <summary>How one segment gives way to the next in the final cut.</summary>
public enum TransitionStyle
{
    /// <summary>A hard cut (the only style that allows joining clips by stream copy).</summary>
    Cut,

    /// <summary>The two clips blend into each other (video <c>xfade</c>, audio <c>acrossfade</c>).</summary>
    Crossfade,

    /// <summary>The picture fades to black and back up (<c>xfade=fadeblack</c>), the sound crossfades.</summary>
    Fade,
}
