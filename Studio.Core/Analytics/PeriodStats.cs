namespace Studio.Core.Analytics;

/// <summary>One period's figures.</summary>
/// <param name="Start">The period's first UTC day.</param>
/// <param name="VideosMade">Jobs completed in it.</param>
/// <param name="Failed">Jobs that failed in it.</param>
/// <param name="SuccessRate">Completed ÷ (completed + failed); null when none finished.</param>
/// <param name="AverageTimeToFinish">Mean time from start to completion of the jobs completed in it; null when none.</param>
/// <param name="SpendUsd">The ledger's total for it.</param>
/// <param name="ByProvider">The ledger's total per provider, largest first.</param>
/// <param name="ByTemplate">The ledger's total per template of the job charged, largest first.</param>
public sealed record PeriodStats(
    DateOnly Start,
    int VideosMade,
    int Failed,
    double? SuccessRate,
    TimeSpan? AverageTimeToFinish,
    decimal SpendUsd,
    IReadOnlyList<SpendTotal> ByProvider,
    IReadOnlyList<SpendTotal> ByTemplate);
