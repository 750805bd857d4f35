namespace Studio.Core.Assembly;

/// <summary>Turns an assembly plan into the final video and its poster.</summary>
public interface IVideoAssembler
{
    /// <summary>Writes the plan's outputs, reporting progress from 0 to 1.</summary>
    /// <exception cref="Media.MediaProcessingException">FFmpeg failed.</exception>
    Task<AssemblyResult> AssembleAsync(AssemblyPlan plan, IProgress<double>? progress, CancellationToken ct);
}
