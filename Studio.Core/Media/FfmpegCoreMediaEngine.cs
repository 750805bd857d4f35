using FFMpegCore;
using FFMpegCore.Exceptions;
using Microsoft.Extensions.Options;
using Studio.Core.Common;

namespace Studio.Core.Media;

/// <summary>
/// The one place that knows FFMpegCore. Filter graphs travel in a script file (<c>-filter_complex_script</c>),
/// so no user text or graph syntax ever has to survive command-line quoting.
/// </summary>
public sealed class FfmpegCoreMediaEngine(IOptions<MediaOptions> options) : IMediaEngine
{
    private const int ErrorLinesKept = 12;

    /// <inheritdoc />
    public Task RunAsync(MediaJob job, IProgress<double>? progress, CancellationToken ct) => ExecuteAsync(job, progress, discard: false, ct);

    /// <inheritdoc />
    public Task<IReadOnlyList<string>> MeasureAsync(MediaJob job, CancellationToken ct) => ExecuteAsync(job, null, discard: true, ct);

    private async Task<IReadOnlyList<string>> ExecuteAsync(MediaJob job, IProgress<double>? progress, bool discard, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(job);
        if (job.Inputs.Count == 0)
        {
            throw new ArgumentException("An FFmpeg job needs at least one input.", nameof(job));
        }

        var scriptFile = job.FilterGraph is null ? null : job.OutputFile + ".filtergraph.txt";
        var outputFile = discard ? "-" : job.OutputFile;
        try
        {
            if (scriptFile is not null)
            {
                await File.WriteAllTextAsync(scriptFile, job.FilterGraph, ct).ConfigureAwait(false);
            }

            var first = job.Inputs[0];
            var arguments = FFMpegArguments.FromFileInput(first.Source, verifyExists: false, o => AddOptions(o, first.Options));
            foreach (var input in job.Inputs.Skip(1))
            {
                arguments = arguments.AddFileInput(input.Source, verifyExists: false, o => AddOptions(o, input.Options));
            }

            IReadOnlyList<string> outputTokens = scriptFile is null ? job.OutputOptions : ["-filter_complex_script", scriptFile, .. job.OutputOptions];
            outputTokens = discard ? [.. outputTokens, "-f", "null"] : outputTokens;
            var processor = arguments
                .OutputToFile(outputFile, overwrite: !discard, o => o.WithCustomArgument(CommandLine.Join(outputTokens)))
                .CancellableThrough(ct);
            if (progress is not null && job.ExpectedDuration > TimeSpan.Zero)
            {
                processor = processor.NotifyOnPercentageProgress(p => progress.Report(Math.Clamp(p / 100d, 0, 1)), job.ExpectedDuration);
            }

            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
            timeout.CancelAfter(options.Value.RunTimeout);
            var result = await processor.ProcessAsynchronously(throwOnError: false, FfOptions(), timeout.Token).ConfigureAwait(false);
            ct.ThrowIfCancellationRequested();
            if (!result.Success)
            {
                var tail = string.Join(Environment.NewLine, result.StandardError.TakeLast(ErrorLinesKept));
                throw new MediaProcessingException(
                    result.Cancelled
                        ? StoredText.Of("FFmpeg was stopped after {0} while writing {1} output.", options.Value.RunTimeout, Path.GetExtension(job.OutputFile))
                        : StoredText.Of("FFmpeg failed (exit code {0}) while writing {1} output.", result.ExitCode, Path.GetExtension(job.OutputFile)),
                    tail);
            }

            progress?.Report(1);
            return result.StandardError;
        }
        catch (FFMpegException ex)
        {
            throw new MediaProcessingException(StoredText.Of("FFmpeg could not run: {0}", ex.Message), ex);
        }
        finally
        {
            if (scriptFile is not null)
            {
                File.Delete(scriptFile);
            }
        }
    }

    /// <inheritdoc />
    public async Task<MediaInfo> ProbeAsync(string file, CancellationToken ct)
    {
        IMediaAnalysis analysis;
        try
        {
            analysis = await FFProbe.AnalyseAsync(file, FfOptions(), customArguments: null, ct).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is FFMpegException or FormatException or System.Text.Json.JsonException)
        {
            throw new MediaProcessingException(StoredText.Of("ffprobe could not read it as audio or video."), ex.Message);
        }

        var video = analysis.PrimaryVideoStream;
        var audio = analysis.PrimaryAudioStream;
        return new MediaInfo(
            analysis.Format.Duration,
            video?.CodecName,
            video?.Width ?? 0,
            video?.Height ?? 0,
            video?.AverageFrameRate ?? 0,
            audio?.CodecName,
            analysis.Format.FormatName ?? string.Empty);
    }

    private static void AddOptions(FFMpegInputOptions options, IReadOnlyList<string> tokens)
    {
        if (tokens.Count > 0)
        {
            options.WithCustomArgument(CommandLine.Join(tokens));
        }
    }

    private FFOptions FfOptions() => new()
    {
        BinaryFolder = options.Value.BinaryFolder,
        TemporaryFilesFolder = Path.GetTempPath(),
    };
}
