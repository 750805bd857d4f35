namespace Studio.Core.Analytics;

/// <summary>Analytics over the last periods, oldest first; every period is listed, empty ones included.</summary>
public sealed record AnalyticsReport(AnalyticsPeriod Period, IReadOnlyList<PeriodStats> Periods)
{
    /// <summary>Jobs completed over all the periods.</summary>
    public int VideosMade => Periods.Sum(p => p.VideosMade);

    /// <summary>Completed ÷ (completed + failed) over all the periods; null when none finished.</summary>
    public double? SuccessRate
    {
        get
        {
            var finished = Periods.Sum(p => p.VideosMade + p.Failed);
            return finished == 0 ? null : (double)VideosMade / finished;
        }
    }

    /// <summary>Mean time to finish over all the periods (weighted by videos made); null when none.</summary>
    public TimeSpan? AverageTimeToFinish
    {
        get
        {
            var made = Periods.Where(p => p.AverageTimeToFinish is not null).ToList();
            var count = made.Sum(p => p.VideosMade);
            return count == 0 ? null : TimeSpan.FromTicks(made.Sum(p => p.AverageTimeToFinish!.Value.Ticks * p.VideosMade) / count);
        }
    }

    /// <summary>The ledger's total over all the periods.</summary>
    public decimal SpendUsd => Periods.Sum(p => p.SpendUsd);
}
