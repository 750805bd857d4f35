namespace Studio.Core.Jobs;

/// <summary>The files a completed job offers.</summary>
public enum JobOutput
{
    /// <summary>The final MP4.</summary>
    Video,

    /// <summary>The poster JPEG.</summary>
    Poster,

    /// <summary>The SRT captions (only when the job has captions).</summary>
    Captions,

    /// <summary>The ZIP of the segment clips.</summary>
    Clips,
}
