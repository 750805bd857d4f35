using Studio.Core.Orchestration;
using Studio.Core.Segments;
using Studio.Core.Templates;

namespace Studio.Core.Jobs;

/// <summary>A job as its owner sees it.</summary>
public sealed record JobDetails(
    Guid Id,
    string Title,
    string Theme,
    Guid TemplateId,
    string TemplateName,
    AspectRatio AspectRatio,
    string Provider,
    GenerationMode Mode,
    JobStatus Status,
    double Progress,
    decimal EstimatedCostUsd,
    decimal ActualCostUsd,
    string? Error,
    DateTimeOffset CreatedAt,
    DateTimeOffset? StartedAt,
    DateTimeOffset? FinishedAt,
    bool HasVideo,
    IReadOnlyList<SegmentDetails> Segments,
    IReadOnlyList<string>? Fallback = null)
{
    /// <summary>Length of the video.</summary>
    public TimeSpan TotalDuration => TimeSpan.FromSeconds(Segments.Sum(s => s.Seconds));

    internal static JobDetails From(ProductionJob job) => new(
        job.Id,
        job.Title,
        job.Theme,
        job.TemplateId,
        job.TemplateName,
        job.AspectRatio,
        job.Provider,
        job.Mode,
        job.Status,
        JobProgress.Of(job),
        job.EstimatedCostUsd,
        job.IsFinished ? job.ActualCostUsd : job.Segments.Sum(s => s.CostUsd),
        job.Error,
        job.CreatedAt,
        job.StartedAt,
        job.FinishedAt,
        job.FinalVideoFile is not null,
        [.. job.Segments.OrderBy(s => s.Index).Select(SegmentDetails.From)],
        [.. job.ProviderChain.Skip(1)]);
}
