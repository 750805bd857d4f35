using Microsoft.Extensions.Options;
using Studio.Core.Media;

namespace Studio.Tests.Providers.Hosted;

/// <summary>1.2 s of MP3 (a tone) that the fake voices send back as "speech".</summary>
public static class SpeechMp3
{
    public static readonly TimeSpan Duration = TimeSpan.FromSeconds(1.2);

    public static async Task<byte[]> MakeAsync()
    {
        var file = Path.Combine(Path.GetTempPath(), $"speech-{Guid.NewGuid():N}.mp3");
        try
        {
            await new FfmpegCoreMediaEngine(Options.Create(new MediaOptions())).RunAsync(
                new MediaJob([MediaInput.Lavfi("sine=frequency=200:sample_rate=24000")], null, ["-t", "1.2", "-c:a", "libmp3lame", "-b:a", "64k"], file, TimeSpan.Zero),
                null,
                CancellationToken.None);
            return await File.ReadAllBytesAsync(file);
        }
        finally
        {
            File.Delete(file);
        }
    }
}
