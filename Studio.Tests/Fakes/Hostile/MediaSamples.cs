using System.Collections.Concurrent;
using Microsoft.Extensions.Options;
using Studio.Core.Media;

namespace Studio.Tests.Fakes.Hostile;

/// <summary>Small, real media files of every accepted type, made by FFmpeg once per test run.</summary>
public static class MediaSamples
{
    private static readonly ConcurrentDictionary<string, Lazy<Task<byte[]>>> Made = new(StringComparer.Ordinal);

    private static readonly Dictionary<string, (string Source, string[] Options)> Recipes = new(StringComparer.Ordinal)
    {
        ["png"] = ("testsrc2=size=64x48:rate=1", ["-frames:v", "1"]),
        ["jpg"] = ("testsrc2=size=64x48:rate=1", ["-frames:v", "1"]),
        ["webp"] = ("testsrc2=size=64x48:rate=1", ["-frames:v", "1", "-c:v", "libwebp"]),
        ["mp4"] = ("testsrc2=size=64x48:rate=10:duration=1", ["-c:v", "libx264", "-preset", "ultrafast", "-pix_fmt", "yuv420p", "-movflags", "+faststart"]),
        ["long.mp4"] = ("testsrc2=size=32x24:rate=5:duration=5", ["-c:v", "libx264", "-preset", "ultrafast", "-pix_fmt", "yuv420p"]),
        ["mov"] = ("testsrc2=size=64x48:rate=10:duration=1", ["-c:v", "libx264", "-preset", "ultrafast", "-pix_fmt", "yuv420p"]),
        ["webm"] = ("testsrc2=size=64x48:rate=10:duration=1", ["-c:v", "libvpx"]),
        ["mp3"] = ("sine=duration=1", ["-c:a", "libmp3lame"]),
        ["wav"] = ("sine=duration=1", ["-c:a", "pcm_s16le"]),
        ["m4a"] = ("sine=duration=1", ["-c:a", "aac"]),
    };

    /// <summary>A sample by its extension ("png", "jpg", "webp", "mp4", "long.mp4" of 5 s, "mov", "webm", "mp3", "wav", "m4a").</summary>
    public static Task<byte[]> GetAsync(string extension) =>
        Made.GetOrAdd(extension, e => new Lazy<Task<byte[]>>(() => MakeAsync(e))).Value;

    private static async Task<byte[]> MakeAsync(string extension)
    {
        var (source, options) = Recipes[extension];
        var file = Path.Combine(Path.GetTempPath(), $"sample-{Guid.NewGuid():N}.{extension}");
        try
        {
            var engine = new FfmpegCoreMediaEngine(Options.Create(new MediaOptions()));
            await engine.RunAsync(new MediaJob([MediaInput.Lavfi(source)], null, options, file, TimeSpan.Zero), null, CancellationToken.None);
            return await File.ReadAllBytesAsync(file);
        }
        finally
        {
            File.Delete(file);
        }
    }
}
