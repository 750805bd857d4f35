using System.Diagnostics;
using System.Globalization;
using System.Text;
using Microsoft.Extensions.Options;
using Studio.Core.Assembly;
using Studio.Core.Captions;
using Studio.Core.Media;
using Studio.Core.Storage;
using Studio.Core.Templates;
using Studio.Core.Voice;

namespace Studio.App.Hosting.Bench;

/// <summary>
/// <c>dotnet run -c Release --project Studio.App -- bench assembly [runs]</c>: six 5 s 1080×1920 clips, assembled by
/// Studio's assembler (a) by stream copy and (b) with voice-over, captions, music and crossfades, each beside the
/// equivalent single hand-written FFmpeg command run in the same process, median of the runs.
/// </summary>
internal static class AssemblyBench
{
    private const int Clips = 6;
    private const int Seconds = 5;
    private static readonly FrameSize Size = new(1080, 1920);

    private static readonly string[] Lines =
    [
        "Three Django tips for beginners.",
        "Why it matters: less code.",
        "Point one: start simple.",
        "Point two: build on what works.",
        "Point three: share what you learn.",
        "Follow for more tips!",
    ];

    public static async Task<int> RunAsync(IServiceProvider services, int runs)
    {
        var engine = services.GetRequiredService<IMediaEngine>();
        var paths = services.GetRequiredService<StudioPaths>();
        var assembler = services.GetRequiredService<IVideoAssembler>();
        var options = services.GetRequiredService<IOptions<AssemblyOptions>>().Value;
        var folder = Directory.CreateDirectory(Path.Combine(paths.DataDirectory, "bench-assembly")).FullName;

        Console.WriteLine($"Making {Clips} clips of {Seconds} s at {Size}…");
        var clips = await MakeClipsAsync(engine, folder);
        var music = Path.Combine(folder, "music.mp3");
        await engine.RunAsync(
            new MediaJob([MediaInput.Lavfi("sine=frequency=220:sample_rate=44100"), MediaInput.Lavfi("anoisesrc=color=pink:amplitude=0.15:sample_rate=44100:seed=1")], "[0:a][1:a]amix=inputs=2[m]", ["-map", "[m]", "-t", "20", "-c:a", "libmp3lame"], music, TimeSpan.Zero),
            null,
            CancellationToken.None);

        var espeak = services.GetRequiredService<VoiceCatalog>().Get("espeak");
        var voiceWatch = Stopwatch.StartNew();
        var speech = new List<SpeechAudio>();
        foreach (var line in Lines)
        {
            speech.Add(await espeak.SpeakAsync(new SpeechRequest(line, "en", null), CancellationToken.None));
        }

        var voiceSeconds = voiceWatch.Elapsed.TotalSeconds;
        var fits = speech.Select(s => SpeechFit.For(s.Duration, TimeSpan.FromSeconds(Seconds), options.SpeechLeadIn, options.MaxSpeechTempo)
            ?? throw new InvalidOperationException("A bench line is too long.")).ToList();
        var cues = Lines.SelectMany((line, i) => CaptionTimeline.ForLine(line, TimeSpan.FromSeconds(i * Seconds) + fits[i].Offset, TimeSpan.FromSeconds(i * Seconds) + fits[i].Offset + fits[i].Spoken)).ToList();
        var ass = Path.Combine(folder, "captions.ass");
        await File.WriteAllTextAsync(ass, AssWriter.Write(cues, Size, CaptionStyle.Default, options.CaptionFont), new UTF8Encoding(false));

        var copyStudio = new List<double>();
        var copyFfmpeg = new List<double>();
        var fullStudio = new List<double>();
        var fullFfmpeg = new List<double>();
        var plain = new AssemblyPlan([.. clips.Select(c => new AssemblyClip(c, TimeSpan.FromSeconds(Seconds)))], Size, Path.Combine(folder, "copy.mp4"), Path.Combine(folder, "copy.jpg"));
        var full = plain with
        {
            OutputVideoFile = Path.Combine(folder, "full.mp4"),
            OutputPosterFile = Path.Combine(folder, "full.jpg"),
            Transition = TransitionStyle.Crossfade,
            TransitionDuration = options.TransitionDuration,
            CaptionsFile = ass,
            MusicFile = music,
            Speech = [.. speech.Select((s, i) => new PlannedSpeech(s.File, i, fits[i].Offset, fits[i].Tempo))],
        };
        for (var run = 0; run < runs; run++)
        {
            copyStudio.Add(await TimeAsync(() => assembler.AssembleAsync(plain, null, CancellationToken.None)));
            copyFfmpeg.Add(await TimeAsync(() => ConcatCopyAsync(engine, folder, clips)));
            fullStudio.Add(await TimeAsync(() => assembler.AssembleAsync(full, null, CancellationToken.None)));
            fullFfmpeg.Add(await TimeAsync(() => engine.RunAsync(HandWritten(clips, speech, fits, music, ass, options, Path.Combine(folder, "hand.mp4")), null, CancellationToken.None)));
        }

        Console.WriteLine($"machine: {Environment.ProcessorCount} cores, {Environment.OSVersion}; x264 preset {options.Preset}; median of {runs}");
        Print("(a) Studio, uniform clips joined by stream copy (moov checks, poster)", copyStudio);
        Print("    ffmpeg -f concat -c copy -movflags +faststart", copyFfmpeg);
        Console.WriteLine($"    ratio: {Median(copyStudio) / Median(copyFfmpeg):0.00}x (goal: at most 1.30x)");
        Print("(b) Studio, voice + captions + music + crossfades (loudness probes, poster)", fullStudio);
        Print("    hand-written single ffmpeg command (one-pass loudnorm)", fullFfmpeg);
        Console.WriteLine($"    ratio: {Median(fullStudio) / Median(fullFfmpeg):0.00}x (goal: at most 1.10x)");
        Console.WriteLine($"espeak-ng, six lines (before (b), not in its figure): {voiceSeconds:0.00} s");
        speech.ForEach(s => File.Delete(s.File));
        return 0;
    }

    private static async Task<List<string>> MakeClipsAsync(IMediaEngine engine, string folder)
    {
        var clips = new List<string>();
        for (var i = 0; i < Clips; i++)
        {
            var file = Path.Combine(folder, $"clip-{i}.mp4");
            await engine.RunAsync(
                new MediaJob(
                    [MediaInput.Lavfi($"testsrc2=size={Size}:rate=30"), MediaInput.Lavfi("anullsrc=channel_layout=stereo:sample_rate=48000")],
                    null,
                    ["-t", Seconds.ToString(CultureInfo.InvariantCulture), "-map", "0:v", "-map", "1:a", "-c:v", "libx264", "-preset", "ultrafast", "-pix_fmt", "yuv420p", "-r", "30",
                     "-video_track_timescale", "15360", "-c:a", "aac", "-ar", "48000", "-ac", "2", "-movflags", "+faststart"],
                    file,
                    TimeSpan.Zero),
                null,
                CancellationToken.None);
            clips.Add(file);
        }

        return clips;
    }

    private static async Task ConcatCopyAsync(IMediaEngine engine, string folder, List<string> clips)
    {
        var list = Path.Combine(folder, "list.txt");
        await File.WriteAllLinesAsync(list, clips.Select(c => $"file '{c}'"));
        await engine.RunAsync(
            new MediaJob([new MediaInput(list, ["-f", "concat", "-safe", "0"])], null, ["-c", "copy", "-movflags", "+faststart"], Path.Combine(folder, "concat.mp4"), TimeSpan.Zero),
            null,
            CancellationToken.None);
    }

    /// <summary>The same cut as one hand-written command: held clips crossfaded, captions, voices at their times, music ducked, one-pass loudnorm.</summary>
    private static MediaJob HandWritten(List<string> clips, List<SpeechAudio> speech, List<SpeechFit> fits, string music, string ass, AssemblyOptions options, string output)
    {
        var g = new StringBuilder();
        var fade = options.TransitionDuration.TotalSeconds;
        string F(double v) => v.ToString("0.###", CultureInfo.InvariantCulture);
        for (var i = 0; i < Clips; i++)
        {
            var hold = i < Clips - 1 ? fade : 0;
            g.Append(CultureInfo.InvariantCulture, $"[{i}:v]tpad=stop_mode=clone:stop_duration={F(hold)}[v{i}];[{i}:a]apad=pad_dur={F(hold)}[a{i}];");
        }

        var (v, a) = ("v0", "a0");
        for (var i = 1; i < Clips; i++)
        {
            g.Append(CultureInfo.InvariantCulture, $"[{v}][v{i}]xfade=transition=fade:duration={F(fade)}:offset={i * Seconds}[x{i}];[{a}][a{i}]acrossfade=d={F(fade)}[y{i}];");
            (v, a) = ($"x{i}", $"y{i}");
        }

        g.Append(CultureInfo.InvariantCulture, $"[{v}]ass={ass}[vout];");
        for (var i = 0; i < speech.Count; i++)
        {
            var delay = (int)((i * Seconds * 1000) + fits[i].Offset.TotalMilliseconds);
            g.Append(CultureInfo.InvariantCulture, $"[{Clips + i}:a]aresample=48000,atempo={F(fits[i].Tempo)},adelay={delay}:all=1[s{i}];");
        }

        g.Append(string.Concat(Enumerable.Range(0, speech.Count).Select(i => $"[s{i}]"))).Append(CultureInfo.InvariantCulture, $"amix=inputs={speech.Count}:normalize=0,asplit[voice][key];");
        g.Append(CultureInfo.InvariantCulture, $"[{Clips + speech.Count}:a]volume=-8dB[music];[music][key]sidechaincompress=threshold=0.015:ratio=8[ducked];");
        g.Append(CultureInfo.InvariantCulture, $"[{a}][voice][ducked]amix=inputs=3:duration=first:normalize=0,loudnorm=I=-14:TP=-1.5:LRA=11,aresample=48000[aout]");
        return new MediaJob(
            [.. clips.Select(MediaInput.File), .. speech.Select(s => MediaInput.File(s.File)), new MediaInput(music, ["-stream_loop", "-1"])],
            g.ToString(),
            ["-map", "[vout]", "-map", "[aout]", "-c:v", "libx264", "-preset", options.Preset, "-crf", options.Crf.ToString(CultureInfo.InvariantCulture), "-pix_fmt", "yuv420p",
             "-c:a", "aac", "-b:a", "160k", "-t", (Clips * Seconds).ToString(CultureInfo.InvariantCulture), "-movflags", "+faststart"],
            output,
            TimeSpan.FromSeconds(Clips * Seconds));
    }

    private static async Task<double> TimeAsync(Func<Task> work)
    {
        var watch = Stopwatch.StartNew();
        await work();
        return watch.Elapsed.TotalSeconds;
    }

    private static void Print(string label, List<double> seconds) =>
        Console.WriteLine($"{label,-78} median {Median(seconds):0.00} s ({string.Join(", ", seconds.Select(s => s.ToString("0.00", CultureInfo.InvariantCulture)))})");

    private static double Median(List<double> values)
    {
        var sorted = values.Order().ToList();
        return sorted.Count % 2 == 1 ? sorted[sorted.Count / 2] : (sorted[(sorted.Count / 2) - 1] + sorted[sorted.Count / 2]) / 2;
    }
}
