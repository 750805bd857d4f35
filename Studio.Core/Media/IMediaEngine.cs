namespace Studio.Core.Media;

/// <summary>
/// Runs FFmpeg and ffprobe. Everything in Studio that touches FFmpeg goes through here, so the wrapper library
/// (FFMpegCore today) is the concern of one class: <see cref="FfmpegCoreMediaEngine"/>.
/// </summary>
public interface IMediaEngine
{
    /// <summary>Runs one FFmpeg job to completion, reporting progress from 0 to 1.</summary>
    /// <exception cref="MediaProcessingException">FFmpeg failed; the message carries its last words.</exception>
    Task RunAsync(MediaJob job, IProgress<double>? progress, CancellationToken ct);

    /// <summary>Reads a file's streams and duration.</summary>
    /// <exception cref="MediaProcessingException">The file is not media ffprobe can read.</exception>
    Task<MediaInfo> ProbeAsync(string file, CancellationToken ct);
}
