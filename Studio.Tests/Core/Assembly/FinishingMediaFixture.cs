using System.Globalization;
using Microsoft.Extensions.Options;
using Studio.Core.Media;

namespace Studio.Tests.Core.Assembly;

/// <summary>Media for the finished-cut tests, made once: small clips, plain grey clips, spoken lines (espeak-ng) and a music track.</summary>
public sealed class FinishingMediaFixture : IAsyncLifetime
{
    public string Folder { get; } = Path.Combine(Path.GetTempPath(), "studio-tests", "finishing-" + Guid.NewGuid().ToString("N"));

    public IMediaEngine Engine { get; } = new FfmpegCoreMediaEngine(Options.Create(new MediaOptions()));

    /// <summary>Three 2 s clips, 540×960, 30 fps, H.264 + a quiet AAC tone.</summary>
    public IReadOnlyList<string> Clips { get; private set; } = [];

    /// <summary>Two 2 s plain grey clips (luma 128), 540×960, silent AAC.</summary>
    public IReadOnlyList<string> GreyClips { get; private set; } = [];

    /// <summary>An English line, about 1.3 s, as espeak-ng says it.</summary>
    public string ShortLine => Path.Combine(Folder, "short-line.wav");

    /// <summary>A French line of about 2.2 s: too long for a 2 s segment as recorded, short enough sped up.</summary>
    public string LongLine => Path.Combine(Folder, "long-line.wav");

    /// <summary>12 s of loud "music" (chords and noise) as MP3.</summary>
    public string Music => Path.Combine(Folder, "music.mp3");

    /// <summary>4 s of quiet pink noise as MP3 (looped under longer cuts).</summary>
    public string QuietMusic => Path.Combine(Folder, "quiet-music.mp3");

    public async Task InitializeAsync()
    {
        Directory.CreateDirectory(Folder);
        var clips = new List<string>();
        for (var i = 0; i < 3; i++)
        {
            var file = Path.Combine(Folder, $"clip-{i}.mp4");
            await MakeAsync(file, [MediaInput.Lavfi("testsrc2=size=540x960:rate=30"), MediaInput.Lavfi($"sine=frequency={300 + (i * 100)}:sample_rate=48000")], 2, ["-af", "volume=-30dB"]);
            clips.Add(file);
        }

        Clips = clips;
        var grey = new List<string>();
        for (var i = 0; i < 2; i++)
        {
            var file = Path.Combine(Folder, $"grey-{i}.mp4");
            await MakeAsync(file, [MediaInput.Lavfi("color=c=0x808080:size=540x960:rate=30"), MediaInput.Lavfi("anullsrc=channel_layout=stereo:sample_rate=48000")], 2, []);
            grey.Add(file);
        }

        GreyClips = grey;
        await MediaMeasure.RunAsync("espeak-ng", "-v", "en-us", "-w", ShortLine, "Three tips for you.");
        await MediaMeasure.RunAsync("espeak-ng", "-v", "fr-fr", "-s", "175", "-w", LongLine, "Voici trois astuces pour réussir votre café.");
        await Engine.RunAsync(
            new MediaJob(
                [MediaInput.Lavfi("sine=frequency=220:sample_rate=44100"), MediaInput.Lavfi("sine=frequency=330:sample_rate=44100"), MediaInput.Lavfi("anoisesrc=color=pink:amplitude=0.3:sample_rate=44100:seed=3")],
                "[0:a][1:a][2:a]amix=inputs=3:normalize=0,volume=0.6[m]",
                ["-map", "[m]", "-t", "12", "-c:a", "libmp3lame", "-b:a", "128k"],
                Music,
                TimeSpan.Zero),
            null,
            CancellationToken.None);
        await MakeQuietMusicAsync();
    }

    private Task MakeQuietMusicAsync() => Engine.RunAsync(
        new MediaJob([MediaInput.Lavfi("anoisesrc=color=pink:amplitude=0.2:sample_rate=44100:seed=7")], null, ["-t", "4", "-c:a", "libmp3lame"], QuietMusic, TimeSpan.Zero),
        null,
        CancellationToken.None);

    public Task DisposeAsync()
    {
        Directory.Delete(Folder, recursive: true);
        return Task.CompletedTask;
    }

    private Task MakeAsync(string file, List<MediaInput> inputs, int seconds, string[] extra) =>
        Engine.RunAsync(
            new MediaJob(
                inputs,
                null,
                ["-t", seconds.ToString(CultureInfo.InvariantCulture), "-map", "0:v", "-map", "1:a", "-c:v", "libx264", "-preset", "ultrafast", "-pix_fmt", "yuv420p", "-r", "30", "-c:a", "aac", "-ar", "48000", "-ac", "2", .. extra],
                file,
                TimeSpan.Zero),
            null,
            CancellationToken.None);
}
