using System.Text;
using Microsoft.Extensions.Options;
using Studio.Core.Common;
using Studio.Core.Media;
using Studio.Core.Providers;
using Studio.Core.Segments;
using Studio.Core.Templates;
using Studio.Providers.Media;
using static Studio.Providers.Local.FilterGraphText;

namespace Studio.Providers.Local;

/// <summary>
/// Renders the local provider's clips with FFmpeg. Every clip, whatever its mode, comes out with the same codec
/// parameters — H.264 (yuv420p, 30 fps, timescale 15360) and AAC (48 kHz stereo) in a faststart MP4 at the exact
/// frame size and duration asked for — so the assembler can join them by stream copy.
/// </summary>
public sealed class LocalClipRenderer(IMediaEngine engine, IOptions<LocalProviderOptions> options)
{
    /// <summary>Frames per second of every clip.</summary>
    public const int FrameRate = ClipEncoding.FrameRate;

    /// <summary>Audio sample rate of every clip.</summary>
    public const int AudioSampleRate = ClipEncoding.AudioSampleRate;

    // Images whose shape is within this factor of the frame's are cropped to fill it; others are shown whole on a
    // blurred copy of themselves, so a landscape photo in a vertical frame does not lose two thirds of its width.
    private const double CoverTolerance = 1.25;
    private const double KenBurnsZoom = 0.12;
    private const double TextFadeSeconds = 0.6;
    private const string SilentAudio = ClipEncoding.SilentAudio;

    // Read once per process; a reference swap, so concurrent renders at worst read the font twice.
    private LoadedFont? _font;

    /// <summary>
    /// Renders the clip <paramref name="request"/> asks for to <paramref name="outputFile"/>, reporting progress from 0 to 1.
    /// Scratch files (the text of each line) are written next to the output and removed afterwards.
    /// </summary>
    /// <param name="request">What to make.</param>
    /// <param name="inputFile">The image or clip on local disk, for image- and video-to-video; else null.</param>
    /// <param name="outputFile">Where the MP4 goes.</param>
    /// <param name="progress">Receives progress from 0 to 1, or null.</param>
    /// <param name="ct">Stops the render.</param>
    /// <exception cref="ProviderException">The input or the font cannot be used (permanent).</exception>
    /// <exception cref="MediaProcessingException">FFmpeg failed.</exception>
    public async Task RenderAsync(GenerationRequest request, string? inputFile, string outputFile, IProgress<double>? progress, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(request);
        var scratch = new List<string>();
        try
        {
            var job = request.Mode switch
            {
                GenerationMode.TextToVideo => await TextJobAsync(request, outputFile, scratch, ct).ConfigureAwait(false),
                GenerationMode.ImageToVideo => await ImageJobAsync(request, RequireInput(inputFile), outputFile, ct).ConfigureAwait(false),
                GenerationMode.VideoToVideo => await VideoJobAsync(request, RequireInput(inputFile), outputFile, ct).ConfigureAwait(false),
                _ => throw new ProviderException(StoredText.Of("The local provider cannot make {0} clips.", request.Mode.ToStoredText()), isPermanent: true),
            };
            await engine.RunAsync(job, progress, ct).ConfigureAwait(false);
        }
        finally
        {
            foreach (var file in scratch)
            {
                File.Delete(file);
            }
        }
    }

    private async Task<MediaJob> TextJobAsync(GenerationRequest request, string outputFile, List<string> scratch, CancellationToken ct)
    {
        var settings = options.Value;
        var metrics = await FontMetricsAsync(settings.FontFile, ct).ConfigureAwait(false);
        var size = request.Size;
        var fingerprint = SegmentFingerprint.Of(request);
        var palette = LocalPalette.ForSegment(request.SegmentIndex);
        var small = new FrameSize(Even(size.Width / (double)settings.BackgroundScaleDivisor), Even(size.Height / (double)settings.BackgroundScaleDivisor));

        var graph = new StringBuilder()
            .Append("gradients=s=").Append(small.ToString()).Append(":r=").Append(Number(FrameRate))
            .Append(":c0=").Append(palette.C0).Append(":c1=").Append(palette.C1)
            .Append(":c2=").Append(palette.C2).Append(":c3=").Append(palette.C3)
            .Append(":n=4:speed=").Append(Number(0.012 + (fingerprint.Pick(1, 10) * 0.001)))
            .Append(":seed=").Append(Number(fingerprint.Pick(2, 65_536)))
            .Append(",format=yuv420p,vignette=angle=PI/5")
            .Append(",scale=").Append(Number(size.Width)).Append(':').Append(Number(size.Height)).Append(":flags=bicubic,setsar=1");

        var block = PromptLayout.Fit(request.Prompt, size, metrics);
        var stagger = block.Lines.Count <= 1 ? 0 : Math.Min(0.12, 0.4 / (block.Lines.Count - 1));
        var shadow = Math.Max(2, block.FontSize / 22);
        var rise = Math.Max(8, block.FontSize / 4);
        for (var i = 0; i < block.Lines.Count; i++)
        {
            var textFile = $"{outputFile}.line{i}.txt";
            scratch.Add(textFile);
            await File.WriteAllTextAsync(textFile, block.Lines[i], new UTF8Encoding(false), ct).ConfigureAwait(false);
            var start = Number(0.1 + (i * stagger));
            var eased = $"clip((t-{start})/{Number(TextFadeSeconds)},0,1)";
            graph.Append(",drawtext=fontfile=").Append(OptionValue(settings.FontFile))
                .Append(":textfile=").Append(OptionValue(textFile))
                .Append(":expansion=none:fontcolor=white:fontsize=").Append(Number(block.FontSize))
                .Append(":shadowcolor=black@0.45:shadowx=").Append(Number(shadow)).Append(":shadowy=").Append(Number(shadow))
                .Append(":x=").Append(Number(block.Area.Left)).Append("+(").Append(Number(block.Area.Width)).Append("-text_w)/2")
                .Append(":y='").Append(Number(block.Baselines[i])).Append("-ascent+").Append(Number(rise))
                .Append("*pow(1-").Append(eased).Append(",2)'")
                .Append(":alpha='sin(PI/2*").Append(eased).Append(")'");
        }

        graph.Append(",format=yuv420p[v]");
        return new MediaJob([MediaInput.Lavfi(SilentAudio)], graph.ToString(), OutputOptions(request, "[v]", "0:a"), outputFile, request.Duration);
    }

    private async Task<MediaJob> ImageJobAsync(GenerationRequest request, string inputFile, string outputFile, CancellationToken ct)
    {
        var info = await ProbeInputAsync(inputFile, "image", ct).ConfigureAwait(false);
        var size = request.Size;

        // Ken Burns is drawn on a canvas twice the frame size: zoompan moves in whole pixels, and half-pixel steps are smooth.
        var canvas = new FrameSize(size.Width * 2, size.Height * 2);
        var graph = new StringBuilder("[0:v]trim=end_frame=1,setsar=1,");
        if (IsCloseInShape(info, size))
        {
            graph.Append(Cover(canvas, "lanczos"));
        }
        else
        {
            var card = new FrameSize(Even(canvas.Width * 0.92), Even(canvas.Height * 0.92));
            graph.Append(BlurredFill(canvas, card, size, "lanczos"));
        }

        var fingerprint = SegmentFingerprint.Of(request);
        var frames = Math.Max(1, (int)Math.Round(request.Duration.TotalSeconds * FrameRate));
        var progressOf = $"(on/{Number(frames)})";
        var eased = $"({progressOf}*{progressOf}*(3-2*{progressOf}))";
        var zoom = fingerprint.Pick(3, 2) == 0
            ? $"1+{Number(KenBurnsZoom)}*{eased}"
            : $"1+{Number(KenBurnsZoom)}-{Number(KenBurnsZoom)}*{eased}";
        var driftX = (fingerprint.Pick(4, 3) - 1) * 0.6;
        var driftY = (fingerprint.Pick(5, 3) - 1) * 0.4;
        graph.Append(",format=yuv420p,zoompan=z='").Append(zoom).Append('\'')
            .Append(":x='(iw-iw/zoom)*(0.5+").Append(Number(driftX)).Append("*(").Append(eased).Append("-0.5))'")
            .Append(":y='(ih-ih/zoom)*(0.5+").Append(Number(driftY)).Append("*(").Append(eased).Append("-0.5))'")
            .Append(":d=").Append(Number(frames)).Append(":s=").Append(size.ToString()).Append(":fps=").Append(Number(FrameRate))
            .Append(",setsar=1,format=yuv420p[v]");
        return new MediaJob(
            [MediaInput.File(inputFile), MediaInput.Lavfi(SilentAudio)],
            graph.ToString(),
            OutputOptions(request, "[v]", "1:a"),
            outputFile,
            request.Duration);
    }

    private async Task<MediaJob> VideoJobAsync(GenerationRequest request, string inputFile, string outputFile, CancellationToken ct)
    {
        var info = await ProbeInputAsync(inputFile, "video", ct).ConfigureAwait(false);
        var size = request.Size;
        var graph = new StringBuilder("[0:v]fps=").Append(Number(FrameRate))
            .Append(",scale='trunc(iw*sar/2)*2':ih,setsar=1,")
            .Append(VideoGrade.For(request.StylePrompt))
            .Append(',')
            .Append(IsCloseInShape(info, size) ? Cover(size, "bicubic") : BlurredFill(size, size, size, "bicubic"))
            .Append(",setsar=1,format=yuv420p[v]");
        string audio;
        List<MediaInput> inputs = [new MediaInput(inputFile, ["-stream_loop", "-1"])];
        if (info.HasAudio)
        {
            graph.Append(";[0:a]aresample=").Append(Number(AudioSampleRate)).Append(",aformat=sample_fmts=fltp:channel_layouts=stereo,apad[a]");
            audio = "[a]";
        }
        else
        {
            inputs.Add(MediaInput.Lavfi(SilentAudio));
            audio = "1:a";
        }

        return new MediaJob(inputs, graph.ToString(), OutputOptions(request, "[v]", audio), outputFile, request.Duration);
    }

    /// <summary>Crops the middle of the picture to the target's shape, then scales it to the target.</summary>
    private static string Cover(FrameSize target, string scaler) =>
        $"crop='trunc(min(iw,ih*{Number(target.Width)}/{Number(target.Height)})/2)*2':'trunc(min(ih,iw*{Number(target.Height)}/{Number(target.Width)})/2)*2'," +
        $"scale={Number(target.Width)}:{Number(target.Height)}:flags={scaler}";

    /// <summary>The whole picture, fitted into <paramref name="content"/>, over a blurred, darkened copy filling <paramref name="target"/>.</summary>
    private static string BlurredFill(FrameSize target, FrameSize content, FrameSize frame, string scaler)
    {
        // The backdrop is blurred at a quarter of the frame size: it looks the same and costs a sixteenth.
        var backdrop = new FrameSize(Even(frame.Width / 4d), Even(frame.Height / 4d));
        var radius = Math.Max(4, Math.Min(backdrop.Width, backdrop.Height) / 10);
        return "split[fillbg][fillfg];" +
            $"[fillbg]{Cover(backdrop, "fast_bilinear")},boxblur={Number(radius)}:2,eq=brightness=-0.16:saturation=0.7," +
            $"scale={Number(target.Width)}:{Number(target.Height)}:flags=bicubic[fillbg2];" +
            $"[fillfg]scale={Number(content.Width)}:{Number(content.Height)}:force_original_aspect_ratio=decrease:force_divisible_by=2:flags={scaler}[fillfg2];" +
            "[fillbg2][fillfg2]overlay=(W-w)/2:(H-h)/2";
    }

    private List<string> OutputOptions(GenerationRequest request, string video, string audio) =>
        ClipEncoding.OutputOptions(video, audio, options.Value.Preset, options.Value.Crf, request.Duration);

    private static bool IsCloseInShape(MediaInfo info, FrameSize frame)
    {
        var ratio = info.Width * (double)frame.Height / (info.Height * (double)frame.Width);
        return ratio <= CoverTolerance && ratio >= 1 / CoverTolerance;
    }

    private static int Even(double value) => Math.Max(2, (int)Math.Round(value / 2) * 2);

    private static string RequireInput(string? inputFile) =>
        inputFile ?? throw new ProviderException(StoredText.Of("This mode needs an input file."), isPermanent: true);

    private async Task<MediaInfo> ProbeInputAsync(string file, string kind, CancellationToken ct)
    {
        MediaInfo info;
        try
        {
            info = await engine.ProbeAsync(file, ct).ConfigureAwait(false);
        }
        catch (MediaProcessingException ex)
        {
            throw new ProviderException(kind == "image" ? StoredText.Of("The input image cannot be read: {0}", ex.Stored) : StoredText.Of("The input video cannot be read: {0}", ex.Stored), isPermanent: true, ex);
        }

        if (!info.HasVideo || info.Width <= 0 || info.Height <= 0)
        {
            throw new ProviderException(kind == "image" ? StoredText.Of("The input image has no picture.") : StoredText.Of("The input video has no picture."), isPermanent: true);
        }

        return info;
    }

    private async Task<TrueTypeMetrics> FontMetricsAsync(string fontFile, CancellationToken ct)
    {
        if (!File.Exists(fontFile))
        {
            throw new ProviderException(
                StoredText.Of("The font file '{0}' does not exist. Install Debian's fonts-dejavu-core package or set {1}:FontFile.", fontFile, LocalProviderOptions.Section),
                isPermanent: true);
        }

        var cached = _font;
        if (cached is not null && string.Equals(cached.File, fontFile, StringComparison.Ordinal))
        {
            return cached.Metrics;
        }

        try
        {
            var metrics = await TrueTypeMetrics.LoadAsync(fontFile, ct).ConfigureAwait(false);
            _font = new LoadedFont(fontFile, metrics);
            return metrics;
        }
        catch (UnusableFontException ex)
        {
            throw new ProviderException(StoredText.Of("The font file '{0}' cannot be used: {1}", fontFile, ex.Reason), isPermanent: true, ex);
        }
    }

    private sealed record LoadedFont(string File, TrueTypeMetrics Metrics);
}
