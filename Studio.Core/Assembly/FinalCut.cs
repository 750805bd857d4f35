using Studio.Core.Jobs;
using Studio.Core.Storage;
using Studio.Core.Templates;

namespace Studio.Core.Assembly;

/// <summary>
/// Makes a job's outputs from its chosen clips: builds the assembly plan, runs the assembler into scratch files and
/// moves the results into the file store. The orchestration decides when; this class decides what goes into the cut.
/// </summary>
public sealed class FinalCut(IVideoAssembler assembler, IFileStore files, StudioPaths paths)
{
    /// <summary>Assembles <paramref name="job"/> (loaded with its segments, each with a chosen clip) and stores the outputs.</summary>
    /// <exception cref="Media.MediaProcessingException">FFmpeg failed.</exception>
    public async Task<FinalCutFiles> MakeAsync(ProductionJob job, IProgress<double>? progress, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(job);
        var clips = job.Segments.OrderBy(s => s.Index)
            .Select(s => new AssemblyClip(LocalPathOf(s.ClipFile ?? throw new InvalidOperationException($"Segment {s.Index + 1} has no clip to assemble.")), TimeSpan.FromSeconds(s.Seconds)))
            .ToList();
        var video = paths.NewTempFile(".mp4");
        var poster = paths.NewTempFile(".jpg");
        try
        {
            var plan = new AssemblyPlan(clips, FrameSize.For(job.AspectRatio), video, poster);
            await assembler.AssembleAsync(plan, progress, ct).ConfigureAwait(false);
            var outputs = new FinalCutFiles(FileKeys.FinalVideo(job.Id), FileKeys.Poster(job.Id));
            await files.PromoteAsync(video, outputs.Video, ct).ConfigureAwait(false);
            await files.PromoteAsync(poster, outputs.Poster, ct).ConfigureAwait(false);
            return outputs;
        }
        finally
        {
            File.Delete(video);
            File.Delete(poster);
        }
    }

    private string LocalPathOf(string key) =>
        files.TryGetLocalPath(key) ?? throw new InvalidOperationException($"Clip '{key}' is not on local disk; assembly needs it there.");
}
