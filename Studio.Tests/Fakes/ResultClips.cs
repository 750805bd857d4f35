using System.Collections.Concurrent;
using System.Globalization;
using Microsoft.Extensions.Options;
using Studio.Core.Media;

namespace Studio.Tests.Fakes;

/// <summary>
/// Real, small MP4s (H.264 test pattern, no audio, like most generators' output) that protocol fakes hand back as a
/// provider's result. Made once per size and length for the whole test run.
/// </summary>
public static class ResultClips
{
    private static readonly ConcurrentDictionary<string, Lazy<Task<byte[]>>> Made = new();

    /// <summary>An MP4 of <paramref name="width"/>×<paramref name="height"/> lasting <paramref name="seconds"/>.</summary>
    public static Task<byte[]> Mp4Async(int width = 144, int height = 256, double seconds = 1) =>
        Made.GetOrAdd(
            string.Create(CultureInfo.InvariantCulture, $"{width}x{height}x{seconds}"),
            _ => new Lazy<Task<byte[]>>(() => MakeAsync(width, height, seconds))).Value;

    /// <summary>A PNG image of <paramref name="width"/>×<paramref name="height"/> (a test pattern).</summary>
    public static Task<byte[]> PngAsync(int width = 320, int height = 240) =>
        Made.GetOrAdd(
            string.Create(CultureInfo.InvariantCulture, $"png{width}x{height}"),
            _ => new Lazy<Task<byte[]>>(() => MakePngAsync(width, height))).Value;

    private static async Task<byte[]> MakeAsync(int width, int height, double seconds)
    {
        var file = Path.Combine(Path.GetTempPath(), $"result-{Guid.NewGuid():N}.mp4");
        try
        {
            var size = string.Create(CultureInfo.InvariantCulture, $"testsrc2=size={width}x{height}:rate=24:duration={seconds}");
            await Engine().RunAsync(
                new MediaJob([MediaInput.Lavfi(size)], null, ["-c:v", "libx264", "-preset", "ultrafast", "-pix_fmt", "yuv420p", "-movflags", "+faststart"], file, TimeSpan.FromSeconds(seconds)),
                null,
                CancellationToken.None);
            return await File.ReadAllBytesAsync(file);
        }
        finally
        {
            File.Delete(file);
        }
    }

    private static async Task<byte[]> MakePngAsync(int width, int height)
    {
        var file = Path.Combine(Path.GetTempPath(), $"image-{Guid.NewGuid():N}.png");
        try
        {
            var source = string.Create(CultureInfo.InvariantCulture, $"testsrc2=size={width}x{height}:rate=1:duration=1");
            await Engine().RunAsync(new MediaJob([MediaInput.Lavfi(source)], null, ["-frames:v", "1"], file, TimeSpan.Zero), null, CancellationToken.None);
            return await File.ReadAllBytesAsync(file);
        }
        finally
        {
            File.Delete(file);
        }
    }

    private static FfmpegCoreMediaEngine Engine() => new(Options.Create(new MediaOptions()));
}
