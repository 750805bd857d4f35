using System.Collections.Concurrent;
using System.Globalization;
using Studio.Core.Media;
using Studio.Providers.Media;

namespace Studio.Providers.Sim;

/// <summary>
/// The simulator's clips: a real MP4 per frame size and duration, rendered once with FFmpeg (a test pattern drawn at
/// a quarter of the size and scaled up, with a silent stereo track) in the encoder setup of every Studio clip
/// (<see cref="ClipEncoding"/>, with its default preset and CRF, as the local provider's defaults), then served from
/// memory.
/// </summary>
internal sealed class SimClipCache(IMediaEngine engine, bool plain, CancellationToken stopping) : IDisposable
{
    private readonly ConcurrentDictionary<(int Width, int Height, long Milliseconds), Lazy<Task<byte[]>>> _clips = new();
    private readonly string _scratch = Path.Combine(Path.GetTempPath(), "studio-sim", Guid.NewGuid().ToString("N"));

    /// <summary>The clip's bytes, rendering it the first time.</summary>
    /// <exception cref="MediaProcessingException">FFmpeg failed; the next call tries again.</exception>
    public async Task<byte[]> GetAsync(int width, int height, TimeSpan duration, CancellationToken ct)
    {
        var key = (width, height, (long)Math.Round(duration.TotalMilliseconds));
        var clip = _clips.GetOrAdd(key, k => new Lazy<Task<byte[]>>(() => RenderAsync(k.Width, k.Height, TimeSpan.FromMilliseconds(k.Milliseconds))));
        try
        {
            return await clip.Value.WaitAsync(ct).ConfigureAwait(false);
        }
        catch (Exception) when (clip.Value.IsFaulted || clip.Value.IsCanceled)
        {
            _clips.TryRemove(new KeyValuePair<(int, int, long), Lazy<Task<byte[]>>>(key, clip));
            throw;
        }
    }

    public void Dispose()
    {
        try
        {
            if (Directory.Exists(_scratch))
            {
                Directory.Delete(_scratch, recursive: true);
            }
        }
        catch (IOException)
        {
            // An FFmpeg stopped at shutdown may still hold its file; the system cleans its temp folder.
        }
    }

    private async Task<byte[]> RenderAsync(int width, int height, TimeSpan duration)
    {
        Directory.CreateDirectory(_scratch);
        var file = Path.Combine(_scratch, string.Create(CultureInfo.InvariantCulture, $"{width}x{height}-{duration.TotalMilliseconds:0}-{Guid.NewGuid():N}.mp4"));
        try
        {
            var small = $"{Even(width / 4d)}x{Even(height / 4d)}";
            var job = new MediaJob(
                [MediaInput.Lavfi(plain
                    ? $"color=c=0x3b5bdb:size={small}:rate={ClipEncoding.FrameRate.ToString(CultureInfo.InvariantCulture)}"
                    : $"testsrc2=size={small}:rate={ClipEncoding.FrameRate.ToString(CultureInfo.InvariantCulture)}"), MediaInput.Lavfi(ClipEncoding.SilentAudio)],
                string.Create(CultureInfo.InvariantCulture, $"[0:v]scale={width}:{height}:flags=bicubic,setsar=1,format=yuv420p[v]"),
                ClipEncoding.OutputOptions("[v]", "1:a", ClipEncoding.DefaultPreset, ClipEncoding.DefaultCrf, duration),
                file,
                duration);
            await engine.RunAsync(job, progress: null, stopping).ConfigureAwait(false);
            return await File.ReadAllBytesAsync(file, stopping).ConfigureAwait(false);
        }
        finally
        {
            File.Delete(file);
        }
    }

    private static string Even(double value) => Math.Max(16, (int)Math.Round(value / 2) * 2).ToString(CultureInfo.InvariantCulture);
}
