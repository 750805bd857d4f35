using Studio.Core.Jobs;
using Studio.Core.Segments;

namespace Studio.Core.Orchestration;

/// <summary>How a job's overall progress follows from its parts: generation is 90 % of the way, assembly the rest.</summary>
public static class JobProgress
{
    /// <summary>Share of the bar that segment generation fills.</summary>
    public const double GenerationShare = 0.9;

    /// <summary>Progress while segments are generated: their mean progress, scaled to the generation share.</summary>
    public static double WhileGenerating(IEnumerable<Segment> segments)
    {
        var list = segments.ToList();
        return list.Count == 0 ? 0 : GenerationShare * list.Average(s => s.Status == SegmentStatus.Succeeded ? 1 : s.Progress);
    }

    /// <summary>Progress while assembling, from the assembler's own 0..1.</summary>
    public static double WhileAssembling(double assembly) => GenerationShare + ((1 - GenerationShare) * Math.Clamp(assembly, 0, 1));

    /// <summary>A job's overall progress: its segments' while they are made, the assembly's after, 1 once completed.</summary>
    public static double Of(ProductionJob job)
    {
        ArgumentNullException.ThrowIfNull(job);
        return job.Status switch
        {
            JobStatus.Completed => 1,
            JobStatus.Assembling => Math.Max(job.Progress, GenerationShare),
            _ => WhileGenerating(job.Segments),
        };
    }
}
