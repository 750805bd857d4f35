namespace Studio.Core.Drafts;

/// <summary>The generation mode picked in the wizard's brief: one of the three for every segment, or chosen per segment.</summary>
public enum WizardMode
{
    /// <summary>Every segment from its prompt alone.</summary>
    TextToVideo,

    /// <summary>Every segment animates one of the user's images.</summary>
    ImageToVideo,

    /// <summary>Every segment restyles one of the user's clips.</summary>
    VideoToVideo,

    /// <summary>Each segment has its own mode.</summary>
    Hybrid,
}
