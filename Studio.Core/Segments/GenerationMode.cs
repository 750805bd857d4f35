namespace Studio.Core.Segments;

/// <summary>How a segment's clip is made.</summary>
public enum GenerationMode
{
    /// <summary>From the prompt alone.</summary>
    TextToVideo,

    /// <summary>From an uploaded image, animated.</summary>
    ImageToVideo,

    /// <summary>From an uploaded clip, restyled.</summary>
    VideoToVideo,
}
