using System.Globalization;
using System.Text;
using Studio.Core.Media;

namespace Studio.Core.Assembly;

/// <summary>
/// Writes the one FFmpeg run that re-encodes a cut: every clip fitted to the frame and held to its planned length,
/// joined by concat or by a chain of <c>xfade</c>/<c>acrossfade</c>, captions burned in with libass, the narration
/// laid on its segments, the music ducked under it with <c>sidechaincompress</c>, and the mix brought to the loudness
/// target by a gain measured beforehand (<see cref="LoudnessProbe"/>, audio only, nothing encoded) and a limiter.
/// One filter graph, one encode.
/// </summary>
/// <remarks>
/// Transitions keep the promised length: every clip but the last is held a transition longer, and transition k
/// starts exactly where segment k+1 is planned to start, so each segment (and its narration and captions) stays on
/// the timeline of a plain cut.
/// </remarks>
internal static class CutGraph
{
    /// <summary>Frame rate of a re-encoded cut.</summary>
    public const int FrameRate = 30;

    // A voice-over compressor (-18 dBFS, 4:1, +6 dB): evens the narration out over the music and lowers its peaks, so
    // the final limiter barely works and the loudness measured before it holds after it.
    private const string VoiceCompressor = "acompressor=threshold=0.125:ratio=4:attack=5:release=100:makeup=2";

    private const string AudioFormat = "aresample=48000,aformat=sample_fmts=fltp:channel_layouts=stereo";

    /// <summary>The encoding run; <paramref name="gainDb"/> is the gain that brings the measured mix to the loudness target.</summary>
    public static MediaJob Build(AssemblyPlan plan, IReadOnlyList<MediaInfo> probes, AssemblyOptions options, double gainDb)
    {
        var clips = plan.Clips;
        var count = clips.Count;
        var fade = plan.Transition == TransitionStyle.Cut ? TimeSpan.Zero : plan.TransitionDuration;
        var graph = new StringBuilder();
        var inputs = clips.Select(c => MediaInput.File(c.File)).ToList();
        var (w, h) = (N(plan.Size.Width), N(plan.Size.Height));

        for (var i = 0; i < count; i++)
        {
            var length = S(clips[i].Duration + (i < count - 1 ? fade : TimeSpan.Zero));

            // A clip much shorter than its slot (a provider that makes only short clips) is slowed to fill it, up to
            // MaxStretch; then square pixels, fit inside the frame and letterbox; hold the last frame if still short.
            var stretch = Stretch(probes[i].Duration, clips[i].Duration + (i < count - 1 ? fade : TimeSpan.Zero));
            var timing = stretch > 1 ? $"setpts={stretch.ToString("0.####", CultureInfo.InvariantCulture)}*(PTS-STARTPTS)" : "setpts=PTS-STARTPTS";
            graph.Append(CultureInfo.InvariantCulture, $"[{i}:v]{timing},fps={FrameRate},scale='trunc(iw*sar/2)*2':ih,")
                .Append(CultureInfo.InvariantCulture, $"scale={w}:{h}:force_original_aspect_ratio=decrease:force_divisible_by=2,")
                .Append(CultureInfo.InvariantCulture, $"pad={w}:{h}:(ow-iw)/2:(oh-ih)/2:color=black,setsar=1,format=yuv420p,")
                .Append(CultureInfo.InvariantCulture, $"tpad=stop_mode=clone:stop_duration={length},trim=duration={length},setpts=PTS-STARTPTS[v{i}];\n");
        }

        AppendClipAudio(graph, plan, probes, fade);
        var (video, bed) = Join(graph, plan, fade);
        if (plan.CaptionsFile is not null)
        {
            var fonts = string.IsNullOrEmpty(options.FontsFolder) || !Directory.Exists(options.FontsFolder)
                ? string.Empty
                : ":fontsdir=" + FilterQuote(options.FontsFolder);
            graph.Append(CultureInfo.InvariantCulture, $"[{video}]ass=filename={FilterQuote(plan.CaptionsFile)}{fonts}[vc];\n");
            video = "vc";
        }

        var audio = bed;
        if (plan.MixesAudio)
        {
            // Gain to the target measured beforehand, then a limiter a little under the true-peak ceiling.
            var mixed = Mix(graph, plan, inputs, bed, options);
            graph.Append(CultureInfo.InvariantCulture, $"[{mixed}]{Leveller(gainDb, options)},{AudioFormat},atrim=duration={S(plan.TotalDuration)}[mix];\n");
            audio = "mix";
        }

        return new MediaJob(
            inputs,
            graph.ToString().TrimEnd(';', '\n'),
            [
                "-map", $"[{video}]", "-map", $"[{audio}]",
                "-c:v", "libx264", "-preset", options.Preset, "-crf", N(options.Crf), "-profile:v", "high", "-pix_fmt", "yuv420p", "-r", N(FrameRate),
                "-c:a", "aac", "-b:a", "160k", "-ar", "48000", "-ac", "2",
                "-t", S(plan.TotalDuration), "-movflags", "+faststart",
            ],
            plan.OutputVideoFile,
            plan.TotalDuration);
    }

    /// <summary>
    /// An audio-only run over the same mix (clips' sound, transitions, narration, ducked music) that measures it with
    /// <c>ebur128</c>: a second or so, no encoding, and it makes the final gain exact where one-pass loudnorm guesses.
    /// </summary>
    /// <remarks>With <paramref name="gainDb"/>, the probe measures the mix after the final gain and limiter, to correct what the limiter took.</remarks>
    public static MediaJob LoudnessProbe(AssemblyPlan plan, IReadOnlyList<MediaInfo> probes, AssemblyOptions options, string scratchFile, double? gainDb)
    {
        var fade = plan.Transition == TransitionStyle.Cut ? TimeSpan.Zero : plan.TransitionDuration;
        var graph = new StringBuilder();
        var inputs = plan.Clips.Select(c => MediaInput.File(c.File)).ToList();
        AppendClipAudio(graph, plan, probes, fade);
        var bed = JoinAudio(graph, plan, fade);
        var mixed = Mix(graph, plan, inputs, bed, options);
        var level = gainDb is { } gain ? Leveller(gain, options) + "," : string.Empty;
        graph.Append(CultureInfo.InvariantCulture, $"[{mixed}]{level}ebur128=peak=true[measured]");
        return new MediaJob(inputs, graph.ToString(), ["-map", "[measured]"], scratchFile, plan.TotalDuration);
    }

    /// <summary>
    /// The gain, then a limiter half a decibel under the true-peak ceiling: its sample-peak detection leaves room for
    /// inter-sample and AAC overshoot.
    /// </summary>
    private static string Leveller(double gainDb, AssemblyOptions options)
    {
        var limit = Math.Pow(10, (options.TruePeak - 0.5) / 20).ToString("0.####", CultureInfo.InvariantCulture);
        return $"volume={gainDb.ToString("0.##", CultureInfo.InvariantCulture)}dB,alimiter=limit={limit}:attack=5:release=50:level=0";
    }

    private static void AppendClipAudio(StringBuilder graph, AssemblyPlan plan, IReadOnlyList<MediaInfo> probes, TimeSpan fade)
    {
        var count = plan.Clips.Count;
        for (var i = 0; i < count; i++)
        {
            var length = S(plan.Clips[i].Duration + (i < count - 1 ? fade : TimeSpan.Zero));
            graph.Append(probes[i].HasAudio
                ? $"[{i}:a]{AudioFormat},apad,atrim=duration={length},asetpts=PTS-STARTPTS[a{i}];\n"
                : $"anullsrc=channel_layout=stereo:sample_rate=48000,atrim=duration={length}[a{i}];\n");
        }
    }

    /// <summary>Joins the clips' sound alone (for the loudness probe), as <see cref="Join"/> does beside the picture.</summary>
    private static string JoinAudio(StringBuilder graph, AssemblyPlan plan, TimeSpan fade)
    {
        var count = plan.Clips.Count;
        if (fade == TimeSpan.Zero || count == 1)
        {
            graph.Append(string.Concat(Enumerable.Range(0, count).Select(i => $"[a{i}]")))
                .Append(CultureInfo.InvariantCulture, $"concat=n={count}:v=0:a=1[bed];\n");
            return "bed";
        }

        var audio = "a0";
        for (var i = 1; i < count; i++)
        {
            var next = i == count - 1 ? "bed" : $"y{i}";
            graph.Append(CultureInfo.InvariantCulture, $"[{audio}][a{i}]acrossfade=d={S(fade)}:c1=tri:c2=tri[{next}];\n");
            audio = next;
        }

        return audio;
    }

    /// <summary>Joins the fitted clips; returns the labels of the joined picture and sound.</summary>
    private static (string Video, string Audio) Join(StringBuilder graph, AssemblyPlan plan, TimeSpan fade)
    {
        var count = plan.Clips.Count;
        if (fade == TimeSpan.Zero || count == 1)
        {
            for (var i = 0; i < count; i++)
            {
                graph.Append(CultureInfo.InvariantCulture, $"[v{i}][a{i}]");
            }

            graph.Append(CultureInfo.InvariantCulture, $"concat=n={count}:v=1:a=1[vj][bed];\n");
            return ("vj", "bed");
        }

        var kind = plan.Transition == TransitionStyle.Fade ? "fadeblack" : "fade";
        var (video, audio) = ("v0", "a0");
        var offset = TimeSpan.Zero;
        for (var i = 1; i < count; i++)
        {
            offset += plan.Clips[i - 1].Duration;
            var (nextVideo, nextAudio) = i == count - 1 ? ("vj", "bed") : ($"x{i}", $"y{i}");
            graph.Append(CultureInfo.InvariantCulture, $"[{video}][v{i}]xfade=transition={kind}:duration={S(fade)}:offset={S(offset)}[{nextVideo}];\n");
            graph.Append(CultureInfo.InvariantCulture, $"[{audio}][a{i}]acrossfade=d={S(fade)}:c1=tri:c2=tri[{nextAudio}];\n");
            (video, audio) = (nextVideo, nextAudio);
        }

        return (video, audio);
    }

    /// <summary>Lays the narration on its segments, ducks the music under it and mixes both with the clips' sound; returns the mix's label.</summary>
    private static string Mix(StringBuilder graph, AssemblyPlan plan, List<MediaInput> inputs, string bed, AssemblyOptions options)
    {
        var total = S(plan.TotalDuration);
        var mixed = new List<string> { bed };
        string? voice = null;
        if (plan.Speech.Count > 0)
        {
            var bySegment = plan.Speech.ToDictionary(s => s.ClipIndex);
            for (var i = 0; i < plan.Clips.Count; i++)
            {
                var length = S(plan.Clips[i].Duration);
                if (bySegment.TryGetValue(i, out var speech))
                {
                    var input = inputs.Count;
                    inputs.Add(MediaInput.File(speech.File));
                    var tempo = Math.Abs(speech.Tempo - 1) < 0.001 ? string.Empty : $"atempo={speech.Tempo.ToString("0.####", CultureInfo.InvariantCulture)},";
                    var delay = N((int)Math.Round(speech.Offset.TotalMilliseconds));
                    graph.Append(CultureInfo.InvariantCulture, $"[{input}:a]{AudioFormat},{tempo}adelay={delay}:all=1,apad,atrim=duration={length},asetpts=PTS-STARTPTS[s{i}];\n");
                }
                else
                {
                    graph.Append(CultureInfo.InvariantCulture, $"anullsrc=channel_layout=stereo:sample_rate=48000,atrim=duration={length}[s{i}];\n");
                }
            }

            graph.Append(string.Concat(Enumerable.Range(0, plan.Clips.Count).Select(i => $"[s{i}]")))
                .Append(CultureInfo.InvariantCulture, $"concat=n={plan.Clips.Count}:v=0:a=1,{VoiceCompressor}[voice];\n");
            voice = "voice";
        }

        if (plan.MusicFile is not null)
        {
            var input = inputs.Count;
            inputs.Add(new MediaInput(plan.MusicFile, ["-stream_loop", "-1"]));
            var fadeOut = S(TimeSpan.FromSeconds(Math.Max(0, plan.TotalDuration.TotalSeconds - 1.5)));
            graph.Append(CultureInfo.InvariantCulture, $"[{input}:a]{AudioFormat},atrim=duration={total},asetpts=PTS-STARTPTS,volume={options.MusicGainDb.ToString("0.##", CultureInfo.InvariantCulture)}dB,")
                .Append(CultureInfo.InvariantCulture, $"afade=t=in:d=0.5,afade=t=out:st={fadeOut}:d=1.5[music];\n");
            if (voice is not null)
            {
                // The voice keys a compressor on the music: the bed drops by up to ~15 dB while someone speaks.
                graph.Append("[voice]asplit=2[voicemix][voicekey];\n")
                    .Append("[music][voicekey]sidechaincompress=threshold=0.015:ratio=8:attack=20:release=400:makeup=1[ducked];\n");
                mixed.Add("voicemix");
                mixed.Add("ducked");
            }
            else
            {
                mixed.Add("music");
            }
        }
        else if (voice is not null)
        {
            mixed.Add(voice);
        }

        graph.Append(string.Concat(mixed.Select(m => $"[{m}]")))
            .Append(CultureInfo.InvariantCulture, $"amix=inputs={mixed.Count}:duration=first:normalize=0[mixed];\n");
        return "mixed";
    }

    /// <summary>
    /// Quotes a string (a file path) for a filter option inside a filter graph. FFmpeg unquotes twice — once when it
    /// splits the graph into filters, once when it splits a filter's arguments into options — so it is quoted twice.
    /// </summary>
    internal static string FilterQuote(string value) => Quote(Quote(value));

    private static string Quote(string value) => "'" + value.Replace("'", @"'\''", StringComparison.Ordinal) + "'";

    /// <summary>Longest a short clip is slowed down to fill its slot (2.5× slower); what is left is a held last frame.</summary>
    public const double MaxStretch = 2.5;

    /// <summary>
    /// The slow-down factor for a clip of <paramref name="clip"/> in a slot of <paramref name="slot"/>: 1 when it is at
    /// most 5 % short (the last frame is held for the rest), else the ratio, at most <see cref="MaxStretch"/>.
    /// </summary>
    internal static double Stretch(TimeSpan clip, TimeSpan slot)
    {
        if (clip <= TimeSpan.Zero || clip >= slot * 0.95)
        {
            return 1;
        }

        return Math.Min(MaxStretch, slot / clip);
    }

    private static string S(TimeSpan value) => value.TotalSeconds.ToString("0.######", CultureInfo.InvariantCulture);

    private static string N(int value) => value.ToString(CultureInfo.InvariantCulture);
}
