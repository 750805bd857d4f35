using Studio.Core.Jobs;
using Studio.Core.Segments;

namespace Studio.App.Features.Jobs;

/// <summary>A segment as the API shows it.</summary>
public sealed record SegmentResponse(
    int Index,
    string Prompt,
    string Narration,
    GenerationMode Mode,
    SegmentStatus Status,
    double Progress,
    string Provider,
    int Attempts,
    string? Error,
    int Seconds,
    decimal EstimatedCostUsd,
    decimal CostUsd)
{
    public static SegmentResponse From(SegmentDetails s) =>
        new(s.Index, s.Prompt, s.Narration, s.Mode, s.Status, Math.Round(s.Progress, 4), s.Provider, s.Attempts, s.Error, s.Seconds, s.EstimatedCostUsd, s.CostUsd);
}
