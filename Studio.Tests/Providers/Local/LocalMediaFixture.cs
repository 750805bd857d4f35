using Microsoft.Extensions.Options;
using Studio.Core.Media;

namespace Studio.Tests.Providers.Local;

/// <summary>Inputs the local provider tests render from, made once with FFmpeg: an image or two, a clip with and without sound.</summary>
public sealed class LocalMediaFixture : IAsyncLifetime
{
    public string Folder { get; } = Path.Combine(Path.GetTempPath(), "studio-tests", "local-media-" + Guid.NewGuid().ToString("N"));

    public IMediaEngine Engine { get; } = new FfmpegCoreMediaEngine(Options.Create(new MediaOptions()));

    /// <summary>1280×720 PNG: far from 9:16, so it is shown whole on a blurred fill.</summary>
    public string LandscapeImage => Path.Combine(Folder, "landscape.png");

    /// <summary>720×1280 JPEG: the shape of 9:16, so it is cropped to cover.</summary>
    public string PortraitImage => Path.Combine(Folder, "portrait.jpg");

    /// <summary>3 s, 640×360, 25 fps, with a 44.1 kHz mono tone: shorter than a clip (loops), other rate and layout.</summary>
    public string ClipWithAudio => Path.Combine(Folder, "with-audio.mp4");

    /// <summary>3 s, 640×360, 25 fps, no audio track.</summary>
    public string ClipWithoutAudio => Path.Combine(Folder, "silent.mp4");

    /// <summary>A text file with an image's name.</summary>
    public string NotAnImage => Path.Combine(Folder, "not-an-image.png");

    public async Task InitializeAsync()
    {
        Directory.CreateDirectory(Folder);
        var ct = CancellationToken.None;
        await Engine.RunAsync(new MediaJob([MediaInput.Lavfi("testsrc2=size=1280x720")], null, ["-frames:v", "1"], LandscapeImage, TimeSpan.Zero), null, ct);
        await Engine.RunAsync(new MediaJob([MediaInput.Lavfi("testsrc2=size=720x1280")], null, ["-frames:v", "1", "-q:v", "3"], PortraitImage, TimeSpan.Zero), null, ct);
        await Engine.RunAsync(
            new MediaJob(
                [MediaInput.Lavfi("testsrc2=size=640x360:rate=25"), MediaInput.Lavfi("sine=frequency=440:sample_rate=44100")],
                null,
                ["-t", "3", "-c:v", "libx264", "-preset", "ultrafast", "-pix_fmt", "yuv420p", "-c:a", "aac", "-ac", "1"],
                ClipWithAudio,
                TimeSpan.Zero),
            null,
            ct);
        await Engine.RunAsync(
            new MediaJob([MediaInput.Lavfi("testsrc2=size=640x360:rate=25")], null, ["-t", "3", "-c:v", "libx264", "-preset", "ultrafast", "-pix_fmt", "yuv420p"], ClipWithoutAudio, TimeSpan.Zero),
            null,
            ct);
        await File.WriteAllTextAsync(NotAnImage, "this is not a picture", ct);
    }

    public Task DisposeAsync()
    {
        Directory.Delete(Folder, recursive: true);
        return Task.CompletedTask;
    }
}
