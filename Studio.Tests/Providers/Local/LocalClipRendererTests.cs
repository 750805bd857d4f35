using System.Collections.Concurrent;
using Microsoft.Extensions.Options;
using Studio.Core.Assembly;
using Studio.Core.Providers;
using Studio.Core.Segments;
using Studio.Core.Templates;
using Studio.Providers.Local;
using Studio.Tests.Core.Assembly;

namespace Studio.Tests.Providers.Local;

public sealed class LocalClipRendererTests(LocalMediaFixture media) : IClassFixture<LocalMediaFixture>, IDisposable
{
    private static readonly TimeSpan FiveSeconds = TimeSpan.FromSeconds(5);
    private readonly string _output = Path.Combine(media.Folder, "out-" + Guid.NewGuid().ToString("N"));

    [Theory]
    [InlineData(AspectRatio.Portrait9x16)]
    [InlineData(AspectRatio.Landscape16x9)]
    [InlineData(AspectRatio.Square1x1)]
    [InlineData(AspectRatio.Portrait4x5)]
    public async Task RenderAsync_TextToVideo_ExactSizeDurationAndCodecs(AspectRatio ratio)
    {
        var request = Request(GenerationMode.TextToVideo, ratio, "Meet the new Aurora headphones: forty hours of pure sound, all day long");

        var file = await RenderAsync(request, null);

        await ClipProbe.ShouldBeClipAsync(media.Engine, file, FrameSize.For(ratio), FiveSeconds);
        (await ClipProbe.PeakOfFirstSecondAsync(media.Engine, file)).Should().Be(0);
        var boxes = Mp4TopLevelBoxes.Read(file);
        boxes["moov"].Should().BeLessThan(boxes["mdat"], "clips are written with +faststart");
    }

    [Fact]
    public async Task RenderAsync_TextToVideo_LeavesNoScratchFiles()
    {
        var file = await RenderAsync(Request(GenerationMode.TextToVideo, AspectRatio.Portrait9x16, "Three short lines of text here"), null, TimeSpan.FromSeconds(1));

        Directory.GetFiles(Path.GetDirectoryName(file)!).Should().Equal(file);
    }

    [Theory]
    [InlineData(AspectRatio.Portrait9x16, "landscape")]
    [InlineData(AspectRatio.Portrait9x16, "portrait")]
    [InlineData(AspectRatio.Landscape16x9, "landscape")]
    [InlineData(AspectRatio.Portrait4x5, "portrait")]
    public async Task RenderAsync_ImageToVideo_ExactSizeDurationAndCodecs(AspectRatio ratio, string image)
    {
        var input = image == "landscape" ? media.LandscapeImage : media.PortraitImage;

        var file = await RenderAsync(Request(GenerationMode.ImageToVideo, ratio, "The product, slowly revealed"), input);

        await ClipProbe.ShouldBeClipAsync(media.Engine, file, FrameSize.For(ratio), FiveSeconds);
    }

    [Fact]
    public async Task RenderAsync_VideoToVideoWithSound_LoopsToDurationAndKeepsTheSound()
    {
        var file = await RenderAsync(Request(GenerationMode.VideoToVideo, AspectRatio.Portrait9x16, "Restyled"), media.ClipWithAudio);

        await ClipProbe.ShouldBeClipAsync(media.Engine, file, new FrameSize(1080, 1920), FiveSeconds);
        (await ClipProbe.PeakOfFirstSecondAsync(media.Engine, file)).Should().BeGreaterThan(1000);
    }

    [Fact]
    public async Task RenderAsync_VideoToVideoWithoutSound_AddsSilentTrack()
    {
        var file = await RenderAsync(Request(GenerationMode.VideoToVideo, AspectRatio.Portrait9x16, "Restyled", "film noir"), media.ClipWithoutAudio);

        await ClipProbe.ShouldBeClipAsync(media.Engine, file, new FrameSize(1080, 1920), FiveSeconds);
        (await ClipProbe.PeakOfFirstSecondAsync(media.Engine, file)).Should().Be(0);
    }

    [Fact]
    public async Task RenderAsync_AllModes_ShareEncoderConfigurationForStreamCopy()
    {
        var short2 = TimeSpan.FromSeconds(2);
        var text = await RenderAsync(Request(GenerationMode.TextToVideo, AspectRatio.Portrait9x16, "One"), null, short2);
        var image = await RenderAsync(Request(GenerationMode.ImageToVideo, AspectRatio.Portrait9x16, "Two"), media.LandscapeImage, short2);
        var video = await RenderAsync(Request(GenerationMode.VideoToVideo, AspectRatio.Portrait9x16, "Three"), media.ClipWithAudio, short2);

        var signatures = new[]
        {
            await Mp4StreamSignature.ReadAsync(text, CancellationToken.None),
            await Mp4StreamSignature.ReadAsync(image, CancellationToken.None),
            await Mp4StreamSignature.ReadAsync(video, CancellationToken.None),
        };

        signatures[0].Should().NotBeNull();
        signatures.Should().AllBe(signatures[0]);
    }

    [Fact]
    public async Task RenderAsync_Always_ReportsProgressEndingAtOne()
    {
        var progress = new RecordingProgress();
        Directory.CreateDirectory(_output);
        var renderer = new LocalClipRenderer(media.Engine, Options.Create(new LocalProviderOptions()));

        await renderer.RenderAsync(Request(GenerationMode.TextToVideo, AspectRatio.Square1x1, "Progress", duration: TimeSpan.FromSeconds(2)), null, Path.Combine(_output, "p.mp4"), progress, CancellationToken.None);

        progress.Values.Should().NotBeEmpty().And.OnlyContain(v => v >= 0 && v <= 1);
        progress.Values.Last().Should().Be(1);
    }

    [Fact]
    public async Task RenderAsync_FontMissing_ThrowsPermanentProviderException()
    {
        Directory.CreateDirectory(_output);
        var renderer = new LocalClipRenderer(media.Engine, Options.Create(new LocalProviderOptions { FontFile = "/nowhere/NoSuchFont.ttf" }));

        var render = () => renderer.RenderAsync(Request(GenerationMode.TextToVideo, AspectRatio.Square1x1, "Hi"), null, Path.Combine(_output, "x.mp4"), null, CancellationToken.None);

        (await render.Should().ThrowAsync<ProviderException>())
            .Which.Should().Match<ProviderException>(e => e.IsPermanent && e.Message.Contains("/nowhere/NoSuchFont.ttf") && e.Message.Contains("fonts-dejavu-core"));
    }

    [Fact]
    public async Task RenderAsync_InputIsNotAnImage_ThrowsPermanentProviderException()
    {
        Directory.CreateDirectory(_output);
        var renderer = new LocalClipRenderer(media.Engine, Options.Create(new LocalProviderOptions()));

        var render = () => renderer.RenderAsync(Request(GenerationMode.ImageToVideo, AspectRatio.Square1x1, "Hi"), media.NotAnImage, Path.Combine(_output, "x.mp4"), null, CancellationToken.None);

        (await render.Should().ThrowAsync<ProviderException>()).Which.IsPermanent.Should().BeTrue();
    }

    public void Dispose()
    {
        if (Directory.Exists(_output))
        {
            Directory.Delete(_output, recursive: true);
        }
    }

    private static GenerationRequest Request(GenerationMode mode, AspectRatio ratio, string prompt, string style = "", TimeSpan? duration = null) =>
        new(Guid.NewGuid(), prompt, style, mode, ratio, duration ?? FiveSeconds, null);

    private async Task<string> RenderAsync(GenerationRequest request, string? input, TimeSpan? duration = null)
    {
        var folder = Path.Combine(_output, Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        var file = Path.Combine(folder, "clip.mp4");
        var renderer = new LocalClipRenderer(media.Engine, Options.Create(new LocalProviderOptions()));
        await renderer.RenderAsync(duration is null ? request : request with { Duration = duration.Value }, input, file, null, CancellationToken.None);
        return file;
    }

    private sealed class RecordingProgress : IProgress<double>
    {
        private readonly ConcurrentQueue<double> _values = new();

        public IReadOnlyCollection<double> Values => _values;

        public void Report(double value) => _values.Enqueue(value);
    }
}
