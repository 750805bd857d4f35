using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Studio.Core.Media;

namespace Studio.Core.Assets;

/// <summary>
/// Decides whether a received file (already in scratch, its type sniffed from its first bytes) may be stored: its
/// structure holds together, ffprobe reads it as that kind within the limits, and FFmpeg decodes its first frame or
/// second with the demuxer its magic bytes named — so a file that merely starts right is not enough.
/// </summary>
public sealed partial class UploadInspector(
    IMediaEngine media,
    IOptions<UploadOptions> options,
    ILogger<UploadInspector> logger,
    IStringLocalizer<UploadInspector> L,
    IStringLocalizerFactory localizers)
{
    private readonly IStringLocalizer _structureWords = localizers.Create(typeof(UploadStructure));

    private static readonly string[] ImageCodecs = ["png", "mjpeg", "webp"];

    /// <summary>Why <paramref name="file"/> may not be stored, or null when it may.</summary>
    public async Task<UploadRefusal?> InspectAsync(string file, SniffedType type, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(type);
        var limits = options.Value;
        if (type == SniffedType.Png && UploadStructure.PngSize(file) is var (width, height) && width * height > limits.MaxImagePixels)
        {
            return PixelsRefusal(type, width, height, limits.MaxImagePixels);
        }

        if (UploadStructure.Problem(file, type, _structureWords) is { } problem)
        {
            return UploadRefusal.Invalid(problem);
        }

        MediaInfo info;
        try
        {
            info = await media.ProbeAsync(file, ct).ConfigureAwait(false);
        }
        catch (MediaProcessingException ex)
        {
            LogUnreadable(logger, type.Name, ex.Details ?? ex.Message);
            return UploadRefusal.Invalid(L["It starts like a {0} but cannot be read as one: it is damaged or not what it seems.", type.Name]);
        }

        if (KindProblem(type, info, limits) is { } refusal)
        {
            return refusal;
        }

        try
        {
            await media.MeasureAsync(DecodeJob(file, type), ct).ConfigureAwait(false);
        }
        catch (MediaProcessingException ex)
        {
            LogUndecodable(logger, type.Name, ex.Details ?? ex.Message);
            return UploadRefusal.Invalid(L["It reads as a {0} but its content does not decode: it is damaged or not what it seems.", type.Name]);
        }

        return null;
    }

    private UploadRefusal? KindProblem(SniffedType type, MediaInfo info, UploadOptions limits)
    {
        switch (type.Kind)
        {
            case AssetKind.Image:
                if (!info.HasVideo || !ImageCodecs.Contains(info.VideoCodec, StringComparer.Ordinal) || info.Width <= 0 || info.Height <= 0)
                {
                    return UploadRefusal.Invalid(L["It starts like a {0} but holds no readable image: it is damaged or not what it seems.", type.Name]);
                }

                return (long)info.Width * info.Height > limits.MaxImagePixels ? PixelsRefusal(type, info.Width, info.Height, limits.MaxImagePixels) : null;

            case AssetKind.Video:
                if (!info.HasVideo || info.Width <= 0 || info.Height <= 0 || info.Duration <= TimeSpan.Zero)
                {
                    return UploadRefusal.Invalid(L["It starts like a {0} but has no video stream with a duration: it is damaged or not what it seems.", type.Name]);
                }

                if ((long)info.Width * info.Height > limits.MaxVideoPixels)
                {
                    return PixelsRefusal(type, info.Width, info.Height, limits.MaxVideoPixels);
                }

                return info.Duration > TimeSpan.FromSeconds(limits.MaxVideoSeconds) ? DurationRefusal(type, info.Duration, limits.MaxVideoSeconds) : null;

            default:
                if (!info.HasAudio || info.Duration <= TimeSpan.Zero)
                {
                    return UploadRefusal.Invalid(L["It starts like a {0} but has no audio stream with a duration: it is damaged or not what it seems.", type.Name]);
                }

                return info.Duration > TimeSpan.FromSeconds(limits.MaxAudioSeconds) ? DurationRefusal(type, info.Duration, limits.MaxAudioSeconds) : null;
        }
    }

    private UploadRefusal PixelsRefusal(SniffedType type, long width, long height, long max) =>
        UploadRefusal.TooLarge(L["The {0} is {1}×{2} pixels ({3:0.#} MP); at most {4:0.#} MP are accepted.", type.Name, width, height, width * height / 1e6, max / 1e6]);

    private UploadRefusal DurationRefusal(SniffedType type, TimeSpan duration, int maxSeconds) =>
        UploadRefusal.TooLarge(L["The {0} lasts {1:0.#} s; at most {2} s are accepted.", type.Name, duration.TotalSeconds, maxSeconds]);

    // Decode with the demuxer the magic bytes named (never FFmpeg's own guess), stopping at the first error.
    private static MediaJob DecodeJob(string file, SniffedType type)
    {
        var demuxer = type switch
        {
            _ when type == SniffedType.Png => "png_pipe",
            _ when type == SniffedType.Jpeg => "jpeg_pipe",
            _ when type == SniffedType.WebP => "webp_pipe",
            _ when type == SniffedType.WebM => "matroska",
            _ when type == SniffedType.Mp3 => "mp3",
            _ when type == SniffedType.Wav => "wav",
            _ => "mov",
        };
        IReadOnlyList<string> output = type.Kind == AssetKind.Audio
            ? ["-xerror", "-map", "0:a:0", "-t", "1"]
            : ["-xerror", "-map", "0:v:0", "-frames:v", "1"];
        return new MediaJob([new MediaInput(file, ["-v", "error", "-f", demuxer])], null, output, file + ".decoded", TimeSpan.Zero);
    }

    [LoggerMessage(LogLevel.Information, "An upload that starts like a {Type} could not be probed: {Details}")]
    private static partial void LogUnreadable(ILogger logger, string type, string details);

    [LoggerMessage(LogLevel.Information, "An upload that probes as a {Type} did not decode: {Details}")]
    private static partial void LogUndecodable(ILogger logger, string type, string details);
}
