namespace Studio.Core.Jobs;

/// <summary>A job in a list.</summary>
public sealed record JobSummary(
    Guid Id,
    string Title,
    string TemplateName,
    string Provider,
    JobStatus Status,
    double Progress,
    decimal EstimatedCostUsd,
    decimal ActualCostUsd,
    int SegmentCount,
    DateTimeOffset CreatedAt,
    DateTimeOffset? FinishedAt);
