using System.Globalization;

namespace Studio.Providers.Media;

/// <summary>
/// The one encoder setup of every clip a Studio provider makes on this machine: H.264 (high profile, yuv420p, 30 fps,
/// timescale 15360) and AAC (48 kHz stereo, 128 kb/s) in a faststart MP4 with no metadata. Clips that share it can be
/// joined by stream copy, whichever provider made them.
/// </summary>
internal static class ClipEncoding
{
    /// <summary>Frames per second of every clip.</summary>
    public const int FrameRate = 30;

    /// <summary>Audio sample rate of every clip.</summary>
    public const int AudioSampleRate = 48_000;

    /// <summary>
    /// The x264 preset clips are made with unless a provider is told otherwise. The preset and CRF shape the stream's
    /// decoder configuration (SPS/PPS): clips made with other values are joined by re-encoding instead.
    /// </summary>
    public const string DefaultPreset = "ultrafast";

    /// <summary>The x264 constant rate factor clips are made with unless a provider is told otherwise.</summary>
    public const int DefaultCrf = 20;

    /// <summary>A lavfi source of silent stereo audio at <see cref="AudioSampleRate"/>.</summary>
    public const string SilentAudio = "anullsrc=channel_layout=stereo:sample_rate=48000";

    /// <summary>Output options for one clip.</summary>
    /// <param name="video">The video stream to map (a filter label such as "[v]", or "0:v").</param>
    /// <param name="audio">The audio stream to map.</param>
    /// <param name="preset">x264 preset.</param>
    /// <param name="crf">x264 constant rate factor.</param>
    /// <param name="duration">Exact length of the clip.</param>
    public static List<string> OutputOptions(string video, string audio, string preset, int crf, TimeSpan duration) =>
    [
        "-map", video, "-map", audio,
        "-c:v", "libx264", "-preset", preset, "-crf", Number(crf), "-profile:v", "high", "-pix_fmt", "yuv420p",
        "-r", Number(FrameRate), "-video_track_timescale", Number(FrameRate * 512),
        "-c:a", "aac", "-b:a", "128k", "-ar", Number(AudioSampleRate), "-ac", "2",
        "-t", duration.TotalSeconds.ToString("0.######", CultureInfo.InvariantCulture),
        "-map_metadata", "-1", "-map_chapters", "-1", "-movflags", "+faststart",
    ];

    private static string Number(int value) => value.ToString(CultureInfo.InvariantCulture);
}
