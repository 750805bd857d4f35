using System.Globalization;
using System.Text;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Studio.Core.Common;
using Studio.Core.Media;
using Studio.Core.Storage;

namespace Studio.Core.Assembly;

/// <summary>
/// Assembles the cut with FFmpeg through <see cref="IMediaEngine"/>. When the plan asks for nothing but a join (hard
/// cuts, no captions, no voice, no music) and every clip already has the cut's codec parameters (H.264 at the plan's
/// size, one frame rate, AAC with one configuration, the planned length) the clips are joined by stream copy with the
/// concat demuxer — seconds, and no quality lost. Otherwise one re-encoding pass (<see cref="CutGraph"/>) does
/// everything in one filter graph: fits every clip to the frame (scaled, letterboxed), 30 fps, yuv420p, 48 kHz stereo
/// (silence where a clip has no sound), each trimmed or held to its planned length, then transitions, captions,
/// narration, ducked music and loudness. Both write a faststart MP4, then a poster JPEG.
/// </summary>
public sealed class FfmpegVideoAssembler(IMediaEngine engine, StudioPaths paths, IOptions<AssemblyOptions> options, ILogger<FfmpegVideoAssembler> logger) : IVideoAssembler
{
    /// <summary>Frame rate of a re-encoded cut.</summary>
    public const int FrameRate = CutGraph.FrameRate;

    /// <summary>Width of the poster image in pixels.</summary>
    public const int PosterWidth = 720;

    // Loudness probes through the limiter: each costs a fraction of a second (audio only), and two or three land within
    // a few tenths of a LU of the target on speech over music.
    private const int MaxLimiterPasses = 3;
    private const double LoudnessTolerance = 0.25;

    // A clip may be this much longer or shorter than planned and still be joined as it is (a frame and a half).
    private static readonly TimeSpan CopyTolerance = TimeSpan.FromMilliseconds(50);

    /// <inheritdoc />
    public async Task<AssemblyResult> AssembleAsync(AssemblyPlan plan, IProgress<double>? progress, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(plan);
        if (plan.Clips.Count == 0)
        {
            throw new ArgumentException("An assembly plan needs at least one clip.", nameof(plan));
        }

        if (plan.Clips.Any(c => c.Duration <= TimeSpan.Zero))
        {
            throw new ArgumentException("Every clip of an assembly plan needs a positive duration.", nameof(plan));
        }

        if (plan.Transition != TransitionStyle.Cut && plan.Clips.Any(c => c.Duration <= plan.TransitionDuration * 2))
        {
            throw new ArgumentException("Every clip must last more than two transitions.", nameof(plan));
        }

        progress?.Report(0);
        CreateFolderOf(plan.OutputVideoFile);
        CreateFolderOf(plan.OutputPosterFile);

        var mismatch = plan.FinishingReason ?? await FindCopyMismatchAsync(plan, ct).ConfigureAwait(false);
        progress?.Report(0.05);
        var join = new ScaledProgress(progress, 0.05, 0.95);
        TimeSpan duration;
        if (mismatch is null)
        {
            // Nothing to re-encode: no process has been started yet, and the poster (the first clip's frame one second
            // in, which is the cut's) is cut beside the join instead of after it.
            AssemblyLog.StreamCopy(logger, plan.Clips.Count, plan.OutputVideoFile);
            var first = plan.Clips[0];
            var poster = engine.RunAsync(PosterJob(first.File, first.Duration, plan.OutputPosterFile), null, ct);
            await Task.WhenAll(StreamCopyAsync(plan, join, ct), poster).ConfigureAwait(false);
            duration = (await Mp4StreamSignature.ReadStreamsAsync(plan.OutputVideoFile, ct).ConfigureAwait(false))?.Duration
                ?? (await engine.ProbeAsync(plan.OutputVideoFile, ct).ConfigureAwait(false)).Duration;
        }
        else
        {
            AssemblyLog.Reencode(logger, plan.Clips.Count, plan.OutputVideoFile, mismatch);
            var probes = await Task.WhenAll(plan.Clips.Select(c => engine.ProbeAsync(c.File, ct))).ConfigureAwait(false);
            var gain = plan.MixesAudio ? await MeasureGainAsync(plan, [.. probes], ct).ConfigureAwait(false) : 0;
            await engine.RunAsync(CutGraph.Build(plan, probes, options.Value, gain), join, ct).ConfigureAwait(false);
            duration = (await engine.ProbeAsync(plan.OutputVideoFile, ct).ConfigureAwait(false)).Duration;
            await engine.RunAsync(PosterJob(plan.OutputVideoFile, duration, plan.OutputPosterFile), null, ct).ConfigureAwait(false);
        }

        progress?.Report(1);
        AssemblyLog.Assembled(logger, plan.OutputVideoFile, duration.TotalSeconds, mismatch is null);
        return new AssemblyResult(plan.OutputVideoFile, plan.OutputPosterFile, duration, StreamCopied: mismatch is null);
    }

    /// <summary>
    /// The gain (dB) that brings the plan's mix to the loudness target, measured on the mix itself: once as it is, then
    /// then through that gain and the limiter, whose loss on loud peaks is made up (up to three times).
    /// </summary>
    private async Task<double> MeasureGainAsync(AssemblyPlan plan, List<MediaInfo> probes, CancellationToken ct)
    {
        var target = options.Value.LoudnessTarget;
        var raw = await MeasureAsync(plan, probes, null, ct).ConfigureAwait(false);

        // A silent mix (nothing above the gate) stays as it is; a very quiet one is not pushed up more than 30 dB.
        if (raw.IntegratedLufs <= -69)
        {
            return 0;
        }

        var gain = Math.Min(30, target - raw.IntegratedLufs);
        var (best, bestError) = (gain, double.MaxValue);
        for (var pass = 0; pass < MaxLimiterPasses; pass++)
        {
            var error = target - (await MeasureAsync(plan, probes, gain, ct).ConfigureAwait(false)).IntegratedLufs;
            if (Math.Abs(error) < Math.Abs(bestError))
            {
                (best, bestError) = (gain, error);
            }

            if (Math.Abs(error) < LoudnessTolerance)
            {
                break;
            }

            gain = Math.Min(30, gain + error);
        }

        AssemblyLog.Loudness(logger, raw.IntegratedLufs, raw.TruePeakDbtp, best);
        return best;
    }

    private async Task<LoudnessReading> MeasureAsync(AssemblyPlan plan, List<MediaInfo> probes, double? gain, CancellationToken ct)
    {
        var scratch = paths.NewTempFile(".loudness");
        var log = await engine.MeasureAsync(CutGraph.LoudnessProbe(plan, probes, options.Value, scratch, gain), ct).ConfigureAwait(false);
        return LoudnessReading.Parse(log) ?? throw new MediaProcessingException(StoredText.Of("FFmpeg did not report the loudness of the mix."), string.Join(Environment.NewLine, log.TakeLast(12)));
    }

    /// <summary>Why the clips cannot be joined by stream copy, or null when they can — read from their moov boxes alone.</summary>
    private static async Task<string?> FindCopyMismatchAsync(AssemblyPlan plan, CancellationToken ct)
    {
        Mp4Streams? reference = null;
        for (var i = 0; i < plan.Clips.Count; i++)
        {
            var clip = plan.Clips[i];
            var name = $"clip {i + 1} ({Path.GetFileName(clip.File)})";

            // The MP4 keeps one decoder configuration per track: SPS/PPS and the AAC configuration must match byte for byte.
            var own = await Mp4StreamSignature.ReadStreamsAsync(clip.File, ct).ConfigureAwait(false);
            if (own is null)
            {
                return $"{name} is not an MP4 with one H.264 and one AAC track";
            }

            if (own.Width != plan.Size.Width || own.Height != plan.Size.Height)
            {
                return string.Create(CultureInfo.InvariantCulture, $"{name} is {own.Width}x{own.Height}, not {plan.Size}");
            }

            reference ??= own;
            if (Math.Abs(own.FrameRate - reference.FrameRate) > 0.01)
            {
                return string.Create(CultureInfo.InvariantCulture, $"{name} runs at {own.FrameRate:0.##} fps, clip 1 at {reference.FrameRate:0.##}");
            }

            if ((own.Duration - clip.Duration).Duration() > CopyTolerance)
            {
                return string.Create(CultureInfo.InvariantCulture, $"{name} lasts {own.Duration.TotalSeconds:0.###} s, the plan {clip.Duration.TotalSeconds:0.###} s");
            }

            if (!string.Equals(own.Signature, reference.Signature, StringComparison.Ordinal))
            {
                return $"{name} was encoded with other settings than clip 1";
            }
        }

        return null;
    }

    private async Task StreamCopyAsync(AssemblyPlan plan, IProgress<double> progress, CancellationToken ct)
    {
        var list = paths.NewTempFile(".ffconcat");
        try
        {
            var text = new StringBuilder("ffconcat version 1.0\n");
            foreach (var clip in plan.Clips)
            {
                text.Append("file ").Append(ConcatQuote(Path.GetFullPath(clip.File))).Append('\n')
                    .Append("duration ").Append(Seconds(clip.Duration)).Append('\n');
            }

            await File.WriteAllTextAsync(list, text.ToString(), new UTF8Encoding(false), ct).ConfigureAwait(false);
            var job = new MediaJob(
                [new MediaInput(list, ["-f", "concat", "-safe", "0"])],
                null,
                ["-map", "0:v:0", "-map", "0:a:0", "-c", "copy", "-movflags", "+faststart"],
                plan.OutputVideoFile,
                plan.TotalDuration);
            await engine.RunAsync(job, progress, ct).ConfigureAwait(false);
        }
        finally
        {
            File.Delete(list);
        }
    }

    private static MediaJob PosterJob(string source, TimeSpan duration, string posterFile)
    {
        // One second in shows the first clip settled (titles faded in); a shorter source gives its middle.
        var at = duration > TimeSpan.FromSeconds(2) ? TimeSpan.FromSeconds(1) : duration / 2;
        return new MediaJob(
            [new MediaInput(source, ["-ss", Seconds(at)])],
            null,
            ["-frames:v", "1", "-vf", $"scale={Number(PosterWidth)}:-2:flags=lanczos", "-c:v", "mjpeg", "-q:v", "3", "-f", "image2", "-update", "1"],
            posterFile,
            TimeSpan.Zero);
    }

    /// <summary>Quotes a path for a concat list: inside single quotes, a quote is closed, escaped and reopened.</summary>
    private static string ConcatQuote(string path) => "'" + path.Replace("'", @"'\''", StringComparison.Ordinal) + "'";

    private static string Seconds(TimeSpan value) => value.TotalSeconds.ToString("0.######", CultureInfo.InvariantCulture);

    private static string Number(int value) => value.ToString(CultureInfo.InvariantCulture);

    private static void CreateFolderOf(string file)
    {
        var folder = Path.GetDirectoryName(Path.GetFullPath(file));
        if (!string.IsNullOrEmpty(folder))
        {
            Directory.CreateDirectory(folder);
        }
    }
}
