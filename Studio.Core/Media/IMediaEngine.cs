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

    /// <summary>
    /// Runs a job whose output is thrown away (<c>-f null</c>; <see cref="MediaJob.OutputFile"/> is ignored) and returns
    /// FFmpeg's log, where measurement filters such as <c>ebur128</c> print their results.
    /// </summary>
    /// <exception cref="MediaProcessingException">FFmpeg failed.</exception>
    Task<IReadOnlyList<string>> MeasureAsync(MediaJob job, CancellationToken ct);

    /// <summary>Reads a file's streams and duration.</summary>
    /// <exception cref="MediaProcessingException">The file is not media ffprobe can read.</exception>
    Task<MediaInfo> ProbeAsync(string file, CancellationToken ct);
}
