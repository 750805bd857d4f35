namespace Studio.Core.Media;

/// <summary>What ffprobe says of a media file.</summary>
/// <param name="Duration">Container duration.</param>
/// <param name="VideoCodec">Codec of the first video stream, or null.</param>
/// <param name="Width">Width of the first video stream.</param>
/// <param name="Height">Height of the first video stream.</param>
/// <param name="FrameRate">Average frame rate of the first video stream.</param>
/// <param name="AudioCodec">Codec of the first audio stream, or null.</param>
/// <param name="FormatName">Container format names as ffprobe gives them.</param>
public sealed record MediaInfo(
    TimeSpan Duration,
    string? VideoCodec,
    int Width,
    int Height,
    double FrameRate,
    string? AudioCodec,
    string FormatName)
{
    /// <summary>True when there is a video stream.</summary>
    public bool HasVideo => VideoCodec is not null;

    /// <summary>True when there is an audio stream.</summary>
    public bool HasAudio => AudioCodec is not null;
}
