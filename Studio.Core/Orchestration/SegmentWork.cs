using Studio.Core.Segments;

namespace Studio.Core.Orchestration;

/// <summary>A segment claimed by a worker for one step.</summary>
/// <param name="Segment">The segment as claimed (detached; its version is the claim's).</param>
/// <param name="Job">What the step needs of its job.</param>
/// <param name="Resumed">
/// True when it was found in <see cref="SegmentStatus.Submitting"/>: a worker stopped between asking the provider and
/// saving its answer, or the answer was lost; the submission is looked up before anything is submitted again.
/// </param>
/// <param name="Interrupted">True when that was a worker that stopped (its lease ran out), not a lost answer.</param>
public sealed record SegmentWork(Segment Segment, GenerationContext Job, bool Resumed, bool Interrupted = false);
