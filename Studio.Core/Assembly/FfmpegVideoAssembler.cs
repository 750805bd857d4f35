using System.Globalization;
using System.Text;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
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

        var probes = new List<MediaInfo>(plan.Clips.Count);
        foreach (var clip in plan.Clips)
        {
            probes.Add(await engine.ProbeAsync(clip.File, ct).ConfigureAwait(false));
        }

        var mismatch = plan.FinishingReason ?? await FindMismatchAsync(plan, probes, ct).ConfigureAwait(false);
        progress?.Report(0.05);
        var join = new ScaledProgress(progress, 0.05, 0.9);
        if (mismatch is null)
        {
            AssemblyLog.StreamCopy(logger, plan.Clips.Count, plan.OutputVideoFile);
            await StreamCopyAsync(plan, join, ct).ConfigureAwait(false);
        }
        else
        {
            AssemblyLog.Reencode(logger, plan.Clips.Count, plan.OutputVideoFile, mismatch);
            var gain = plan.MixesAudio ? await MeasureGainAsync(plan, probes, ct).ConfigureAwait(false) : 0;
            await engine.RunAsync(CutGraph.Build(plan, probes, options.Value, gain), join, ct).ConfigureAwait(false);
        }

        var result = await engine.ProbeAsync(plan.OutputVideoFile, ct).ConfigureAwait(false);
        await engine.RunAsync(PosterJob(plan, result.Duration), null, ct).ConfigureAwait(false);
        progress?.Report(1);
        AssemblyLog.Assembled(logger, plan.OutputVideoFile, result.Duration.TotalSeconds, mismatch is null);
        return new AssemblyResult(plan.OutputVideoFile, plan.OutputPosterFile, result.Duration, StreamCopied: mismatch is null);
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
        return LoudnessReading.Parse(log) ?? throw new MediaProcessingException("FFmpeg did not report the loudness of the mix.", string.Join(Environment.NewLine, log.TakeLast(12)));
    }

    /// <summary>Why the clips cannot be joined by stream copy, or null when they can.</summary>
    private static async Task<string?> FindMismatchAsync(AssemblyPlan plan, List<MediaInfo> probes, CancellationToken ct)
    {
        string? signature = null;
        for (var i = 0; i < plan.Clips.Count; i++)
        {
            var clip = plan.Clips[i];
            var info = probes[i];
            var name = $"clip {i + 1} ({Path.GetFileName(clip.File)})";
            if (!string.Equals(info.VideoCodec, "h264", StringComparison.Ordinal))
            {
                return $"{name} is {info.VideoCodec ?? "without video"}, not H.264";
            }

            if (info.Width != plan.Size.Width || info.Height != plan.Size.Height)
            {
                return string.Create(CultureInfo.InvariantCulture, $"{name} is {info.Width}x{info.Height}, not {plan.Size}");
            }

            if (Math.Abs(info.FrameRate - probes[0].FrameRate) > 0.01)
            {
                return string.Create(CultureInfo.InvariantCulture, $"{name} runs at {info.FrameRate:0.##} fps, clip 1 at {probes[0].FrameRate:0.##}");
            }

            if (!string.Equals(info.AudioCodec, "aac", StringComparison.Ordinal))
            {
                return $"{name} has {(info.AudioCodec is null ? "no audio" : info.AudioCodec + " audio")}, not AAC";
            }

            if ((info.Duration - clip.Duration).Duration() > CopyTolerance)
            {
                return string.Create(CultureInfo.InvariantCulture, $"{name} lasts {info.Duration.TotalSeconds:0.###} s, the plan {clip.Duration.TotalSeconds:0.###} s");
            }

            // The MP4 keeps one decoder configuration per track: SPS/PPS and the AAC configuration must match byte for byte.
            var own = await Mp4StreamSignature.ReadAsync(clip.File, ct).ConfigureAwait(false);
            if (own is null)
            {
                return $"{name} is not an MP4 with one H.264 and one AAC track";
            }

            signature ??= own;
            if (!string.Equals(own, signature, StringComparison.Ordinal))
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

    private static MediaJob PosterJob(AssemblyPlan plan, TimeSpan duration)
    {
        // One second in shows the first clip settled (titles faded in); a shorter cut gives its middle.
        var at = duration > TimeSpan.FromSeconds(2) ? TimeSpan.FromSeconds(1) : duration / 2;
        return new MediaJob(
            [new MediaInput(plan.OutputVideoFile, ["-ss", Seconds(at)])],
            null,
            ["-frames:v", "1", "-vf", $"scale={Number(PosterWidth)}:-2:flags=lanczos", "-c:v", "mjpeg", "-q:v", "3", "-f", "image2", "-update", "1"],
            plan.OutputPosterFile,
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
