using Studio.Core.Media;
using System.Collections.Concurrent;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Studio.Core;
using Studio.Core.Assembly;
using Studio.Core.Storage;
using Studio.Core.Templates;
using Studio.Tests.Builders;

namespace Studio.Tests.Core.Assembly;

public sealed class FfmpegVideoAssemblerTests : IClassFixture<AssemblyClipsFixture>, IDisposable
{
    private static readonly TimeSpan Tolerance = TimeSpan.FromMilliseconds(150);
    private static readonly TimeSpan TwoSeconds = TimeSpan.FromSeconds(2);
    private static readonly FrameSize Vertical = new(1080, 1920);

    private readonly AssemblyClipsFixture _clips;
    private readonly string _root;
    private readonly FfmpegVideoAssembler _assembler;
    private readonly StudioPaths _paths;

    public FfmpegVideoAssemblerTests(AssemblyClipsFixture clips)
    {
        _clips = clips;
        _root = Path.Combine(clips.Folder, "run-" + Guid.NewGuid().ToString("N"));
        _paths = new StudioPaths(Options.Create(new StudioOptions { DataDirectory = "data" }), new TestHostEnvironment(_root));
        _assembler = new FfmpegVideoAssembler(clips.Engine, _paths, Options.Create(new AssemblyOptions()), NullLogger<FfmpegVideoAssembler>.Instance);
    }

    [Fact]
    public async Task AssembleAsync_UniformClips_JoinsByStreamCopy()
    {
        var plan = Plan(_clips.Uniform.Select(f => new AssemblyClip(f, TwoSeconds)));

        var result = await _assembler.AssembleAsync(plan, null, CancellationToken.None);

        result.StreamCopied.Should().BeTrue();
        result.Duration.Should().BeCloseTo(TimeSpan.FromSeconds(6), Tolerance);
        var info = await _clips.Engine.ProbeAsync(result.VideoFile, CancellationToken.None);
        (info.VideoCodec, info.AudioCodec, info.Width, info.Height).Should().Be(("h264", "aac", 1080, 1920));
        info.Duration.Should().BeCloseTo(TimeSpan.FromSeconds(6), Tolerance);
    }

    [Fact]
    public async Task AssembleAsync_UniformClips_WritesMoovBeforeMdat()
    {
        var result = await _assembler.AssembleAsync(Plan(_clips.Uniform.Select(f => new AssemblyClip(f, TwoSeconds))), null, CancellationToken.None);

        var boxes = TopLevelBoxes(result.VideoFile);
        boxes.Should().ContainKeys("moov", "mdat");
        boxes["moov"].Should().BeLessThan(boxes["mdat"]);
    }

    [Fact]
    public async Task AssembleAsync_Always_WritesJpegPoster720PixelsWide()
    {
        var result = await _assembler.AssembleAsync(Plan(_clips.Uniform.Select(f => new AssemblyClip(f, TwoSeconds))), null, CancellationToken.None);

        var head = new byte[3];
        await using (var poster = File.OpenRead(result.PosterFile))
        {
            await poster.ReadExactlyAsync(head);
        }

        head.Should().Equal(0xFF, 0xD8, 0xFF);
        var info = await _clips.Engine.ProbeAsync(result.PosterFile, CancellationToken.None);
        (info.VideoCodec, info.Width, info.Height).Should().Be(("mjpeg", 720, 1280));
    }

    [Fact]
    public async Task AssembleAsync_OtherSizesAndMissingSound_ReencodesToPlanSizeWithSound()
    {
        var plan = Plan(
        [
            new AssemblyClip(_clips.Uniform[0], TwoSeconds),
            new AssemblyClip(_clips.SmallSilent, TwoSeconds),
            new AssemblyClip(_clips.Landscape44k, TwoSeconds),
        ]);

        var result = await _assembler.AssembleAsync(plan, null, CancellationToken.None);

        result.StreamCopied.Should().BeFalse();
        var info = await _clips.Engine.ProbeAsync(result.VideoFile, CancellationToken.None);
        (info.VideoCodec, info.AudioCodec, info.Width, info.Height).Should().Be(("h264", "aac", 1080, 1920));
        info.FrameRate.Should().BeApproximately(30, 0.01);
        info.Duration.Should().BeCloseTo(TimeSpan.FromSeconds(6), Tolerance);
        result.Duration.Should().BeCloseTo(TimeSpan.FromSeconds(6), Tolerance);
        TopLevelBoxes(result.VideoFile)["moov"].Should().BeLessThan(TopLevelBoxes(result.VideoFile)["mdat"]);
    }

    [Fact]
    public async Task AssembleAsync_ClipShorterThanPlanned_HoldsItToThePlannedLength()
    {
        var plan = Plan([new AssemblyClip(_clips.Uniform[0], TwoSeconds), new AssemblyClip(_clips.SmallSilent, TimeSpan.FromSeconds(3))]);

        var result = await _assembler.AssembleAsync(plan, null, CancellationToken.None);

        result.StreamCopied.Should().BeFalse();
        result.Duration.Should().BeCloseTo(TimeSpan.FromSeconds(5), Tolerance);
    }

    [Fact]
    public async Task AssembleAsync_ClipHalfItsSlot_IsSlowedToFillItRatherThanFrozen()
    {
        // A provider that makes 2 s clips (Stability) in a 4 s segment: the clip plays at half speed over the whole slot.
        var plan = Plan([new AssemblyClip(_clips.SmallSilent, TimeSpan.FromSeconds(4))]);

        var result = await _assembler.AssembleAsync(plan, null, CancellationToken.None);

        result.Duration.Should().BeCloseTo(TimeSpan.FromSeconds(4), Tolerance);
        var late = await FrameAsync(plan.OutputVideoFile, 3.0);
        var later = await FrameAsync(plan.OutputVideoFile, 3.8);
        late.Should().NotEqual(later, "a held last frame would make the end of the slot a still picture");
    }

    [Theory]
    [InlineData(2.0, 4.0, 2.0)]
    [InlineData(4.0, 5.0, 1.25)]
    [InlineData(4.9, 5.0, 1.0)]
    [InlineData(1.0, 5.0, 2.5)]
    [InlineData(6.0, 5.0, 1.0)]
    public void Stretch_ClipAndSlot_SlowsOnlyClearlyShortClipsAndAtMostTwoAndAHalfTimes(double clip, double slot, double expected)
    {
        CutGraph.Stretch(TimeSpan.FromSeconds(clip), TimeSpan.FromSeconds(slot)).Should().BeApproximately(expected, 0.0001);
    }

    [Fact]
    public async Task AssembleAsync_SameSizeButOtherAudioRate_Reencodes()
    {
        var plan = Plan([new AssemblyClip(_clips.Uniform[0], TwoSeconds), new AssemblyClip(_clips.UniformButAudioAt44k, TwoSeconds)]);

        var result = await _assembler.AssembleAsync(plan, null, CancellationToken.None);

        result.StreamCopied.Should().BeFalse();
        result.Duration.Should().BeCloseTo(TimeSpan.FromSeconds(4), Tolerance);
    }

    [Fact]
    public async Task AssembleAsync_PathWithSingleQuote_StillJoinsByStreamCopy()
    {
        var plan = Plan([new AssemblyClip(_clips.UniformInQuotedFolder, TwoSeconds), new AssemblyClip(_clips.Uniform[1], TwoSeconds)]);

        var result = await _assembler.AssembleAsync(plan, null, CancellationToken.None);

        result.StreamCopied.Should().BeTrue();
        result.Duration.Should().BeCloseTo(TimeSpan.FromSeconds(4), Tolerance);
    }

    [Fact]
    public async Task AssembleAsync_Always_ReportsProgressFromZeroToOne()
    {
        var progress = new RecordingProgress();

        await _assembler.AssembleAsync(Plan(_clips.Uniform.Select(f => new AssemblyClip(f, TwoSeconds))), progress, CancellationToken.None);

        progress.Values.Should().OnlyContain(v => v >= 0 && v <= 1);
        progress.Values.First().Should().Be(0);
        progress.Values.Last().Should().Be(1);
    }

    [Fact]
    public async Task AssembleAsync_NoClips_ThrowsArgumentException()
    {
        var assemble = () => _assembler.AssembleAsync(Plan([]), null, CancellationToken.None);

        await assemble.Should().ThrowAsync<ArgumentException>();
    }

    [Fact]
    public async Task ReadStreamsAsync_UniformClip_ReadsWhatFfprobeReadsFromTheMoovAlone()
    {
        var streams = await Mp4StreamSignature.ReadStreamsAsync(_clips.Uniform[0], CancellationToken.None);
        var probe = await _clips.Engine.ProbeAsync(_clips.Uniform[0], CancellationToken.None);

        streams.Should().NotBeNull();
        (streams!.Width, streams.Height).Should().Be((probe.Width, probe.Height));
        streams.FrameRate.Should().BeApproximately(probe.FrameRate, 0.01);
        streams.Duration.Should().BeCloseTo(probe.Duration, TimeSpan.FromMilliseconds(50));
    }

    [Fact]
    public async Task ReadAsync_NotAnMp4_ReturnsNull()
    {
        (await Mp4StreamSignature.ReadAsync(_clips.SmallSilent, CancellationToken.None)).Should().BeNull("it has no audio track");
        var text = Path.Combine(_clips.Folder, "text.mp4");
        await File.WriteAllTextAsync(text, "not a movie");

        (await Mp4StreamSignature.ReadAsync(text, CancellationToken.None)).Should().BeNull();
    }

    public void Dispose()
    {
        _paths.Dispose();
        if (Directory.Exists(_root))
        {
            Directory.Delete(_root, recursive: true);
        }
    }

    private AssemblyPlan Plan(IEnumerable<AssemblyClip> clips) =>
        new(clips.ToList(), Vertical, Path.Combine(_root, "out", "final.mp4"), Path.Combine(_root, "out", "poster.jpg"));

    private static Dictionary<string, long> TopLevelBoxes(string file) => Mp4TopLevelBoxes.Read(file);

    /// <summary>The raw RGB bytes of the frame at <paramref name="seconds"/>, shrunk to 64×64.</summary>
    private async Task<byte[]> FrameAsync(string video, double seconds)
    {
        var frame = Path.Combine(_root, $"frame-{seconds:0.0}-{Guid.NewGuid():N}.rgb");
        await _clips.Engine.RunAsync(
            new MediaJob(
                [new MediaInput(video, ["-ss", seconds.ToString("0.###", System.Globalization.CultureInfo.InvariantCulture)])],
                null,
                ["-frames:v", "1", "-vf", "scale=64:64", "-f", "rawvideo", "-pix_fmt", "rgb24"],
                frame,
                TimeSpan.Zero),
            null,
            CancellationToken.None);
        return await File.ReadAllBytesAsync(frame);
    }

    private sealed class RecordingProgress : IProgress<double>
    {
        private readonly ConcurrentQueue<double> _values = new();

        public IReadOnlyCollection<double> Values => _values;

        public void Report(double value) => _values.Enqueue(value);
    }
}
