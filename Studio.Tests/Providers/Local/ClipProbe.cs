using Studio.Core.Media;
using Studio.Core.Templates;

namespace Studio.Tests.Providers.Local;

/// <summary>Checks on rendered clips, made with the real FFmpeg.</summary>
public static class ClipProbe
{
    public static readonly TimeSpan Tolerance = TimeSpan.FromMilliseconds(150);

    /// <summary>Asserts an H.264/AAC MP4 at exactly <paramref name="size"/>, 30 fps, lasting <paramref name="duration"/> ±0.15 s.</summary>
    public static async Task ShouldBeClipAsync(IMediaEngine engine, string file, FrameSize size, TimeSpan duration)
    {
        var info = await engine.ProbeAsync(file, CancellationToken.None);
        info.FormatName.Should().Contain("mp4");
        info.VideoCodec.Should().Be("h264");
        info.AudioCodec.Should().Be("aac");
        (info.Width, info.Height).Should().Be((size.Width, size.Height));
        info.FrameRate.Should().BeApproximately(30, 0.01);
        info.Duration.Should().BeCloseTo(duration, Tolerance);
    }

    /// <summary>The loudest sample of the first second of a file's audio (16-bit, 0 = silence).</summary>
    public static async Task<int> PeakOfFirstSecondAsync(IMediaEngine engine, string file)
    {
        var raw = file + ".pcm";
        try
        {
            await engine.RunAsync(
                new MediaJob([MediaInput.File(file)], null, ["-map", "0:a:0", "-t", "1", "-ac", "1", "-ar", "8000", "-f", "s16le", "-c:a", "pcm_s16le"], raw, TimeSpan.Zero),
                null,
                CancellationToken.None);
            var bytes = await File.ReadAllBytesAsync(raw);
            var peak = 0;
            for (var i = 0; i + 1 < bytes.Length; i += 2)
            {
                peak = Math.Max(peak, Math.Abs((int)BitConverter.ToInt16(bytes, i)));
            }

            return peak;
        }
        finally
        {
            File.Delete(raw);
        }
    }
}
