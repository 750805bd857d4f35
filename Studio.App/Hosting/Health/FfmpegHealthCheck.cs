using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;
using Studio.Core.Media;
using Studio.Core.Storage;

namespace Studio.App.Hosting.Health;

/// <summary>
/// FFmpeg and ffprobe run (through the media engine, with its <c>Studio:Media:BinaryFolder</c>): a 50 ms silent WAV is
/// made and probed. A binary folder that holds no ffmpeg or ffprobe fails too: FFmpegCore would quietly fall back to
/// whatever the PATH holds, which is not what the operator configured.
/// </summary>
internal sealed class FfmpegHealthCheck(IMediaEngine media, StudioPaths paths, IOptions<MediaOptions> options, TimeProvider time) : CachedHealthCheck(time)
{
    private static readonly string[] Binaries = ["ffmpeg", "ffprobe"];

    protected override string FailureDescription => "FFmpeg or ffprobe cannot run (see Studio:Media:BinaryFolder).";

    protected override async Task<HealthCheckResult> ProbeAsync(CancellationToken ct)
    {
        var folder = options.Value.BinaryFolder;
        var missing = string.IsNullOrWhiteSpace(folder)
            ? []
            : Binaries.Where(name => !File.Exists(Path.Combine(folder, OperatingSystem.IsWindows() ? name + ".exe" : name))).ToList();
        if (missing.Count > 0)
        {
            return HealthCheckResult.Unhealthy($"Studio:Media:BinaryFolder holds no {string.Join(" or ", missing)}.");
        }

        var file = paths.NewTempFile(".wav");
        try
        {
            await media.RunAsync(
                new MediaJob([MediaInput.Lavfi("anullsrc=r=8000:cl=mono")], null, ["-t", "0.05", "-c:a", "pcm_s16le"], file, TimeSpan.Zero),
                progress: null,
                ct);
            var info = await media.ProbeAsync(file, ct);
            return info.AudioCodec is null
                ? HealthCheckResult.Unhealthy("ffprobe found no audio in FFmpeg's output.")
                : HealthCheckResult.Healthy("FFmpeg and ffprobe run.");
        }
        finally
        {
            File.Delete(file);
        }
    }
}
