using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Studio.Core;
using Studio.Core.Assembly;
using Studio.Core.Captions;
using Studio.Core.Storage;
using Studio.Core.Templates;

namespace Studio.Tests.Core.Assembly;

/// <summary>The one-pass finished cut with real FFmpeg: transitions, narration, music, loudness, burned-in captions.</summary>
public sealed class CutFinishingTests : IClassFixture<FinishingMediaFixture>, IDisposable
{
    private static readonly FrameSize Small = new(540, 960);
    private static readonly TimeSpan TwoSeconds = TimeSpan.FromSeconds(2);
    private const double FrameSeconds = 1.0 / 30;

    private readonly FinishingMediaFixture _media;
    private readonly string _root;
    private readonly StudioPaths _paths;
    private readonly FfmpegVideoAssembler _assembler;

    public CutFinishingTests(FinishingMediaFixture media)
    {
        _media = media;
        _root = Path.Combine(media.Folder, "run-" + Guid.NewGuid().ToString("N"));
        _paths = new StudioPaths(Options.Create(new StudioOptions { DataDirectory = "data" }), new TestHostEnvironment(_root));
        _assembler = new FfmpegVideoAssembler(media.Engine, _paths, Options.Create(new AssemblyOptions { Preset = "ultrafast" }), NullLogger<FfmpegVideoAssembler>.Instance);
    }

    [Theory]
    [InlineData(TransitionStyle.Crossfade)]
    [InlineData(TransitionStyle.Fade)]
    public async Task AssembleAsync_Transition_KeepsTotalDurationToTheFrameWithSoundInSync(TransitionStyle transition)
    {
        var plan = Plan(_media.Clips) with { Transition = transition };

        var result = await _assembler.AssembleAsync(plan, null, CancellationToken.None);

        result.StreamCopied.Should().BeFalse();
        var (frames, videoSeconds, audioSeconds) = await MediaMeasure.StreamsAsync(result.VideoFile);
        frames.Should().Be(180, "three 2 s segments at 30 fps, whatever the transitions");
        videoSeconds.Should().BeApproximately(6, FrameSeconds);
        audioSeconds.Should().BeApproximately(videoSeconds, 0.15);
    }

    [Fact]
    public async Task AssembleAsync_FadeThroughBlack_IsBlackHalfwayThroughTheTransition()
    {
        var plan = Plan(_media.GreyClips) with { Transition = TransitionStyle.Fade, TransitionDuration = TimeSpan.FromSeconds(0.6) };

        var result = await _assembler.AssembleAsync(plan, null, CancellationToken.None);

        var settled = await MediaMeasure.GreyFrameAsync(result.VideoFile, 1.0, 54, 96);
        var halfway = await MediaMeasure.GreyFrameAsync(result.VideoFile, 2.3, 54, 96);
        settled.Average(b => b).Should().BeApproximately(128, 8);
        halfway.Average(b => b).Should().BeLessThan(40);
    }

    [Fact]
    public async Task AssembleAsync_VoiceAndMusic_NormalisesToMinus14LufsWithTruePeakUnderMinus1()
    {
        var plan = Plan(_media.Clips) with
        {
            Transition = TransitionStyle.Crossfade,
            Speech = [new PlannedSpeech(_media.ShortLine, 0, TimeSpan.FromSeconds(0.25), 1), new PlannedSpeech(_media.LongLine, 2, TimeSpan.FromSeconds(0.1), 1.2)],
            MusicFile = _media.Music,
        };

        var result = await _assembler.AssembleAsync(plan, null, CancellationToken.None);

        var (integrated, truePeak) = await MediaMeasure.LoudnessAsync(result.VideoFile);
        integrated.Should().BeApproximately(-14, 1);
        truePeak.Should().BeLessThanOrEqualTo(-1);
        var (frames, _, audioSeconds) = await MediaMeasure.StreamsAsync(result.VideoFile);
        frames.Should().Be(180);
        audioSeconds.Should().BeApproximately(6, 0.15);
    }

    [Fact]
    public async Task AssembleAsync_SparseVoiceOverSilentClipsAndShortLoopedMusic_StillLandsOnTheTarget()
    {
        var grey = _media.GreyClips;
        var plan = Plan([grey[0], grey[1], grey[0]]) with
        {
            Transition = TransitionStyle.Crossfade,
            Speech = [new PlannedSpeech(_media.ShortLine, 0, TimeSpan.FromSeconds(0.25), 1), new PlannedSpeech(_media.ShortLine, 2, TimeSpan.FromSeconds(0.25), 1)],
            MusicFile = _media.QuietMusic,
        };

        var result = await _assembler.AssembleAsync(plan, null, CancellationToken.None);

        var (integrated, truePeak) = await MediaMeasure.LoudnessAsync(result.VideoFile);
        integrated.Should().BeApproximately(-14, 1);
        truePeak.Should().BeLessThanOrEqualTo(-1);
    }

    [Fact]
    public async Task AssembleAsync_FrenchCaption_RendersAccentsAboveTheCapitals()
    {
        var accented = await CaptionedAsync("ÉTÉ À NOËL", "accented");
        var plain = await CaptionedAsync("ETE A NOEL", "plain");
        var blank = await MediaMeasure.GreyFrameAsync(accented, 0.1, 540, 960);

        var accentedFrame = await MediaMeasure.GreyFrameAsync(accented, 1.0, 540, 960);
        var plainFrame = await MediaMeasure.GreyFrameAsync(plain, 1.0, 540, 960);

        InkRows(blank).Should().BeEmpty("the caption is not on screen yet");
        var accentedRows = InkRows(accentedFrame);
        var plainRows = InkRows(plainFrame);
        accentedRows.Should().NotBeEmpty();
        accentedRows.Max().Should().BeLessThan(960 - (int)(960 * CaptionStyle.Default.BottomMarginRatio) + 4, "the caption sits above the bottom safe margin");
        accentedRows.Min().Should().BeLessThan(plainRows.Min() - 3, "the accents rise above the capitals (a missing glyph box would not)");
        accentedRows.Max().Should().BeCloseTo(plainRows.Max(), 2, "both lines share the baseline");
    }

    public void Dispose()
    {
        if (Directory.Exists(_root))
        {
            Directory.Delete(_root, recursive: true);
        }
    }

    private async Task<string> CaptionedAsync(string text, string name)
    {
        var ass = Path.Combine(_root, name + ".ass");
        Directory.CreateDirectory(_root);
        await File.WriteAllTextAsync(ass, AssWriter.Write([new CaptionCue(TimeSpan.FromSeconds(0.5), TimeSpan.FromSeconds(1.8), [text])], Small, CaptionStyle.Default, "DejaVu Sans"));
        var plan = Plan([_media.GreyClips[0]]) with { CaptionsFile = ass, OutputVideoFile = Path.Combine(_root, "out", name + ".mp4") };
        return (await _assembler.AssembleAsync(plan, null, CancellationToken.None)).VideoFile;
    }

    /// <summary>Rows of the frame holding caption ink: pixels far from the grey background (white text, black outline).</summary>
    private static List<int> InkRows(byte[] frame) =>
        [.. Enumerable.Range(0, 960).Where(y => Enumerable.Range(0, 540).Any(x => Math.Abs(frame[(y * 540) + x] - 128) > 60))];

    private AssemblyPlan Plan(IEnumerable<string> clips) =>
        new([.. clips.Select(f => new AssemblyClip(f, TwoSeconds))], Small, Path.Combine(_root, "out", "final.mp4"), Path.Combine(_root, "out", "poster.jpg"));
}
