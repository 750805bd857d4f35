using Microsoft.Extensions.Options;
using Studio.Core.Media;

namespace Studio.Tests.Core.Assembly;

/// <summary>Clips for the assembler, made once with FFmpeg: three alike, and some that differ in size, sound or audio rate.</summary>
public sealed class AssemblyClipsFixture : IAsyncLifetime
{
    private static readonly string[] UniformEncoding =
        ["-c:v", "libx264", "-preset", "ultrafast", "-pix_fmt", "yuv420p", "-r", "30", "-video_track_timescale", "15360", "-movflags", "+faststart"];

    public string Folder { get; } = Path.Combine(Path.GetTempPath(), "studio-tests", "assembly-" + Guid.NewGuid().ToString("N"));

    public IMediaEngine Engine { get; } = new FfmpegCoreMediaEngine(Options.Create(new MediaOptions()));

    /// <summary>Three 2 s clips, 1080×1920, 30 fps, H.264 + AAC 48 kHz stereo, same settings.</summary>
    public IReadOnlyList<string> Uniform { get; private set; } = [];

    /// <summary>A uniform clip in a folder whose name has a single quote.</summary>
    public string UniformInQuotedFolder { get; private set; } = string.Empty;

    /// <summary>2 s, 640×360, 25 fps, no audio.</summary>
    public string SmallSilent => Path.Combine(Folder, "small-silent.mp4");

    /// <summary>3 s, 1280×720, 30 fps, AAC 44.1 kHz mono.</summary>
    public string Landscape44k => Path.Combine(Folder, "landscape-44k.mp4");

    /// <summary>2 s, 1080×1920, 30 fps, H.264 + AAC — like the uniform ones but at 44.1 kHz.</summary>
    public string UniformButAudioAt44k => Path.Combine(Folder, "uniform-44k.mp4");

    public async Task InitializeAsync()
    {
        Directory.CreateDirectory(Folder);
        var uniform = new List<string>();
        for (var i = 0; i < 3; i++)
        {
            var file = Path.Combine(Folder, $"uniform-{i}.mp4");
            await MakeAsync(file, $"testsrc2=size=1080x1920:rate=30", $"sine=frequency={440 + (i * 110)}:sample_rate=48000", 2, [.. UniformEncoding, "-c:a", "aac", "-ar", "48000", "-ac", "2"]);
            uniform.Add(file);
        }

        Uniform = uniform;
        var quoted = Directory.CreateDirectory(Path.Combine(Folder, "it's a folder")).FullName;
        UniformInQuotedFolder = Path.Combine(quoted, "clip's.mp4");
        File.Copy(uniform[0], UniformInQuotedFolder);
        await MakeAsync(SmallSilent, "testsrc2=size=640x360:rate=25", null, 2, ["-c:v", "libx264", "-preset", "ultrafast", "-pix_fmt", "yuv420p"]);
        await MakeAsync(Landscape44k, "testsrc2=size=1280x720:rate=30", "sine=frequency=330:sample_rate=44100", 3, ["-c:v", "libx264", "-preset", "ultrafast", "-pix_fmt", "yuv420p", "-c:a", "aac", "-ac", "1"]);
        await MakeAsync(UniformButAudioAt44k, "testsrc2=size=1080x1920:rate=30", "sine=frequency=550:sample_rate=44100", 2, [.. UniformEncoding, "-c:a", "aac", "-ar", "44100", "-ac", "2"]);
    }

    public Task DisposeAsync()
    {
        Directory.Delete(Folder, recursive: true);
        return Task.CompletedTask;
    }

    private Task MakeAsync(string file, string video, string? audio, int seconds, string[] encoding)
    {
        List<MediaInput> inputs = [MediaInput.Lavfi(video)];
        if (audio is not null)
        {
            inputs.Add(MediaInput.Lavfi(audio));
        }

        return Engine.RunAsync(new MediaJob(inputs, null, ["-t", seconds.ToString(System.Globalization.CultureInfo.InvariantCulture), .. encoding], file, TimeSpan.Zero), null, CancellationToken.None);
    }
}
