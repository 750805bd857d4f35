using Studio.Core.Segments;

namespace Studio.Core.Orchestration;

/// <summary>A segment claimed by a worker for one step.</summary>
/// <param name="Segment">The segment as claimed (detached; its version is the claim's).</param>
/// <param name="Job">What the step needs of its job.</param>
/// <param name="Resumed">True when another worker had it in <see cref="SegmentStatus.Submitting"/> and stopped answering.</param>
public sealed record SegmentWork(Segment Segment, GenerationContext Job, bool Resumed);
