using Studio.Core.Jobs;

namespace Studio.Core.Analytics;

/// <summary>A job as a dashboard row: its summary, and whether a poster can be shown as its thumbnail.</summary>
public sealed record JobListRow(JobSummary Job, bool HasPoster)
{
    /// <summary>What the row's cost column shows: spent once finished, estimated before.</summary>
    public decimal CostUsd => Job.Status.IsFinished() ? Job.ActualCostUsd : Job.EstimatedCostUsd;
}
