using System.IO.Compression;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Studio.Core.Captions;
using Studio.Core.Common;
using Studio.Core.Jobs;
using Studio.Core.Persistence;
using Studio.Core.Storage;
using Studio.Core.Templates;

namespace Studio.Core.Assembly;

/// <summary>
/// Makes a job's outputs from its chosen clips: voices the narration, times the captions, builds the assembly plan
/// (transitions, captions, voice, music), runs the assembler into scratch files and moves the results into the file
/// store — final.mp4, poster.jpg, captions.srt (when captions are on) and clips.zip. The orchestration decides when;
/// this class decides what goes into the cut.
/// </summary>
public sealed class FinalCut(
    IVideoAssembler assembler,
    NarrationVoicer voicer,
    IFileStore files,
    StudioPaths paths,
    IDbContextFactory<StudioDbContext> dbFactory,
    IOptions<AssemblyOptions> options)
{
    // Captions without a voice stay on screen from the lead-in to this much before the segment ends.
    private static readonly TimeSpan SilentCaptionTail = TimeSpan.FromSeconds(0.3);

    /// <summary>Assembles <paramref name="job"/> (loaded with its segments, each with a chosen clip) and stores the outputs.</summary>
    /// <exception cref="Media.MediaProcessingException">FFmpeg or the voice failed, or a narration line does not fit its segment.</exception>
    public async Task<FinalCutFiles> MakeAsync(ProductionJob job, IProgress<double>? progress, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(job);
        var segments = job.Segments.OrderBy(s => s.Index).ToList();
        var scratch = new List<string>();
        try
        {
            // FFmpeg reads by path: a store off local disk (S3) gives scratch copies, deleted with the other scratch files.
            var clips = new List<AssemblyClip>();
            foreach (var segment in segments)
            {
                var key = segment.ClipFile ?? throw new InvalidOperationException($"Segment {segment.Index + 1} has no clip to assemble.");
                clips.Add(new AssemblyClip(await files.LocalPathAsync(key, paths, scratch, ct).ConfigureAwait(false), TimeSpan.FromSeconds(segment.Seconds)));
            }

            var video = Scratch(scratch, ".mp4");
            var poster = Scratch(scratch, ".jpg");
            var voiced = job.VoiceEngine is null ? 0.0 : 0.25;
            var lines = await voicer.VoiceAsync(job, scratch, new ScaledProgress(progress, 0, voiced), ct).ConfigureAwait(false);
            var settings = options.Value;
            var plan = new AssemblyPlan(clips, FrameSize.For(job.AspectRatio), video, poster)
            {
                Transition = job.Transition,
                TransitionDuration = settings.TransitionDuration,
                Speech = [.. lines.Select(l => l.Speech)],
                MusicFile = await MusicFileAsync(job, scratch, ct).ConfigureAwait(false),
            };

            string? srt = null;
            if (job.Captions)
            {
                var cues = Cues(job, lines.ToDictionary(l => l.Speech.ClipIndex, l => l.Fit), settings);
                if (cues.Count > 0)
                {
                    srt = Scratch(scratch, ".srt");
                    await File.WriteAllTextAsync(srt, SrtWriter.Write(cues), new UTF8Encoding(false), ct).ConfigureAwait(false);
                    var ass = Scratch(scratch, ".ass");
                    await File.WriteAllTextAsync(ass, AssWriter.Write(cues, plan.Size, await CaptionStyleAsync(job, ct).ConfigureAwait(false), settings.CaptionFont), new UTF8Encoding(false), ct).ConfigureAwait(false);
                    plan = plan with { CaptionsFile = ass };
                }
            }

            await assembler.AssembleAsync(plan, new ScaledProgress(progress, voiced, 0.95), ct).ConfigureAwait(false);
            var zip = Scratch(scratch, ".zip");
            await WriteClipsZipAsync(zip, clips, ct).ConfigureAwait(false);

            var outputs = new FinalCutFiles(FileKeys.FinalVideo(job.Id), FileKeys.Poster(job.Id), srt is null ? null : FileKeys.Captions(job.Id), FileKeys.ClipsZip(job.Id));
            await files.PromoteAsync(video, outputs.Video, ct).ConfigureAwait(false);
            await files.PromoteAsync(poster, outputs.Poster, ct).ConfigureAwait(false);
            await files.PromoteAsync(zip, outputs.Clips!, ct).ConfigureAwait(false);
            if (srt is not null)
            {
                await files.PromoteAsync(srt, outputs.Captions!, ct).ConfigureAwait(false);
            }
            else
            {
                // A re-run of the assembly without captions must not leave an older SRT behind.
                await files.DeleteAsync(FileKeys.Captions(job.Id), ct).ConfigureAwait(false);
            }

            progress?.Report(1);
            return outputs;
        }
        finally
        {
            scratch.ForEach(File.Delete);
        }
    }

    /// <summary>The captions of every narrated segment, on the cut's timeline: while the line is spoken, or across the segment when there is no voice.</summary>
    private static List<CaptionCue> Cues(ProductionJob job, Dictionary<int, SpeechFit> fits, AssemblyOptions settings)
    {
        var cues = new List<CaptionCue>();
        var start = TimeSpan.Zero;
        foreach (var segment in job.Segments.OrderBy(s => s.Index))
        {
            var length = TimeSpan.FromSeconds(segment.Seconds);
            if (segment.Narration.Length > 0)
            {
                var (from, to) = fits.TryGetValue(segment.Index, out var fit) && fit.Spoken > TimeSpan.Zero
                    ? (fit.Offset, fit.Offset + fit.Spoken)
                    : (settings.SpeechLeadIn, length - SilentCaptionTail);
                cues.AddRange(CaptionTimeline.ForLine(segment.Narration, start + from, start + Min(to, length)));
            }

            start += length;
        }

        return cues;
    }

    private static TimeSpan Min(TimeSpan a, TimeSpan b) => a < b ? a : b;

    /// <summary>The caption style of the job's template as it is now; the default when the template is gone.</summary>
    private async Task<CaptionStyle> CaptionStyleAsync(ProductionJob job, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct).ConfigureAwait(false);
        var template = await db.Templates.AsNoTracking().FirstOrDefaultAsync(t => t.Id == job.TemplateId, ct).ConfigureAwait(false);
        return template?.CaptionStyle ?? CaptionStyle.Default;
    }

    private async Task<string?> MusicFileAsync(ProductionJob job, List<string> scratch, CancellationToken ct)
    {
        if (job.MusicAssetId is not { } assetId)
        {
            return null;
        }

        await using var db = await dbFactory.CreateDbContextAsync(ct).ConfigureAwait(false);
        var key = await db.Assets.AsNoTracking().Where(a => a.Id == assetId).Select(a => a.StoredFile).FirstOrDefaultAsync(ct).ConfigureAwait(false);
        return key is null
            ? throw new Media.MediaProcessingException(StoredText.Of("The music chosen for this video is no longer available."))
            : await files.LocalPathAsync(key, paths, scratch, ct).ConfigureAwait(false);
    }

    /// <summary>Packs the clips as they are (stored, not compressed: MP4 does not shrink), named by their place in the cut.</summary>
    private static async Task WriteClipsZipAsync(string zipFile, List<AssemblyClip> clips, CancellationToken ct)
    {
        var stream = new FileStream(zipFile, FileMode.Create, FileAccess.Write, FileShare.None, 81920, useAsync: true);
        await using (stream.ConfigureAwait(false))
        {
            var archive = new ZipArchive(stream, ZipArchiveMode.Create);
            await using (archive.ConfigureAwait(false))
            {
                for (var i = 0; i < clips.Count; i++)
                {
                    var entry = archive.CreateEntry($"segment-{i + 1:00}{Path.GetExtension(clips[i].File)}", CompressionLevel.NoCompression);
                    var target = await entry.OpenAsync(ct).ConfigureAwait(false);
                    await using (target.ConfigureAwait(false))
                    {
                        var source = File.OpenRead(clips[i].File);
                        await using (source.ConfigureAwait(false))
                        {
                            await source.CopyToAsync(target, ct).ConfigureAwait(false);
                        }
                    }
                }
            }
        }
    }

    private string Scratch(List<string> scratch, string extension)
    {
        var file = paths.NewTempFile(extension);
        scratch.Add(file);
        return file;
    }
}
