using Microsoft.Extensions.Diagnostics.HealthChecks;
using Studio.Core.Media;
using Studio.Core.Storage;

namespace Studio.App.Hosting.Health;

/// <summary>FFmpeg and ffprobe run (through the media engine, with its <c>Studio:Media:BinaryFolder</c>): a 50 ms silent WAV is made and probed.</summary>
internal sealed class FfmpegHealthCheck(IMediaEngine media, StudioPaths paths, TimeProvider time) : CachedHealthCheck(time)
{
    protected override string FailureDescription => "FFmpeg or ffprobe cannot run (see Studio:Media:BinaryFolder).";

    protected override async Task<HealthCheckResult> ProbeAsync(CancellationToken ct)
    {
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
