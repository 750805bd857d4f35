namespace Studio.Core.Jobs;

/// <summary>The files a completed job offers.</summary>
public enum JobOutput
{
    /// <summary>The final MP4.</summary>
    Video,

    /// <summary>The poster JPEG.</summary>
    Poster,
}
