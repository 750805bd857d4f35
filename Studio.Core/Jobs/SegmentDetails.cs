using Studio.Core.Segments;

namespace Studio.Core.Jobs;

/// <summary>A segment as its job's owner sees it.</summary>
public sealed record SegmentDetails(
    int Index,
    string Prompt,
    GenerationMode Mode,
    SegmentStatus Status,
    double Progress,
    string Provider,
    int Attempts,
    string? Error,
    int Seconds,
    decimal EstimatedCostUsd,
    decimal CostUsd,
    DateTimeOffset? StartedAt,
    DateTimeOffset? FinishedAt)
{
    /// <summary>What is said over it; empty for silence. Default empty.</summary>
    public string Narration { get; init; } = string.Empty;

    internal static SegmentDetails From(Segment s) => new(
        s.Index, s.Prompt, s.Mode, s.Status, s.Progress, s.Provider, s.Attempts, s.Error, s.Seconds, s.EstimatedCostUsd, s.CostUsd, s.StartedAt, s.FinishedAt)
    {
        Narration = s.Narration,
    };
}
