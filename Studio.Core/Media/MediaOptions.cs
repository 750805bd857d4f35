namespace Studio.Core.Media;

/// <summary>Where FFmpeg is, under <c>Studio:Media</c>.</summary>
public sealed class MediaOptions
{
    /// <summary>Configuration section.</summary>
    public const string Section = "Studio:Media";

    /// <summary>Folder holding the ffmpeg and ffprobe binaries; empty means "find them on PATH". Default empty.</summary>
    public string BinaryFolder { get; set; } = string.Empty;

    /// <summary>Longest one FFmpeg run may take before it is stopped. Default 10 minutes.</summary>
    public TimeSpan RunTimeout { get; set; } = TimeSpan.FromMinutes(10);
}
