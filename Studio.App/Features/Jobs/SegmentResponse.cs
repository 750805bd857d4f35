using Studio.Core.Jobs;
using Studio.Core.Segments;

namespace Studio.App.Features.Jobs;

/// <summary>A segment as the API shows it.</summary>
/// <remarks><c>submissions</c>: generations a provider accepted for it over all takes (each one billed); <c>attempts</c>: tries of its current take; <c>take</c>: the take being made or last made; <c>selectedTake</c>/<c>madeBy</c>: the take in the cut and the provider that made it.; <c>assetId</c>: the upload an image- or video-to-video segment starts from (null for text-to-video).</remarks>
public sealed record SegmentResponse(
    int Index,
    string Prompt,
    string Narration,
    GenerationMode Mode,
    SegmentStatus Status,
    double Progress,
    string Provider,
    int Submissions,
    int Attempts,
    string? Error,
    int Seconds,
    decimal EstimatedCostUsd,
    decimal CostUsd,
    int Take,
    int? SelectedTake,
    string? MadeBy,
    IReadOnlyList<TakeResponse> Takes,
    string? Detail,
    Guid? AssetId)
{
    public static SegmentResponse From(SegmentDetails s) => new(
        s.Index, s.Prompt, s.Narration, s.Mode, s.Status, Math.Round(s.Progress, 4), s.Provider, s.Submissions, s.Attempts, s.Error, s.Seconds, s.EstimatedCostUsd, s.CostUsd,
        s.Take, s.SelectedTake, s.MadeBy, [.. (s.Takes ?? []).Select(TakeResponse.From)], s.Detail, s.AssetId);
}
