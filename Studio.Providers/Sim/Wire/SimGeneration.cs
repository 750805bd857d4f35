namespace Studio.Providers.Sim.Wire;

/// <summary>A generation as the simulator reports it.</summary>
/// <param name="Id">The simulator's id (the provider job id).</param>
/// <param name="Status">One of <see cref="SimStatuses"/>.</param>
/// <param name="Progress">0 to 1.</param>
/// <param name="Error">Why it failed, when <see cref="Status"/> is "failed" or "cancelled"; else null.</param>
/// <param name="ClientReference">The caller's reference, as submitted.</param>
/// <param name="SegmentId">The caller's segment, as submitted.</param>
/// <param name="Width">Frame width.</param>
/// <param name="Height">Frame height.</param>
/// <param name="DurationSeconds">Clip length.</param>
/// <param name="CreatedAt">When it was submitted.</param>
public sealed record SimGeneration(
    string Id,
    string Status,
    double Progress,
    SimError? Error,
    string? ClientReference,
    Guid? SegmentId,
    int Width,
    int Height,
    double DurationSeconds,
    DateTimeOffset CreatedAt);
