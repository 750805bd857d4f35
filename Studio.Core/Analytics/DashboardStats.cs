namespace Studio.Core.Analytics;

/// <summary>A user's dashboard figures. "This month" is the current UTC calendar month.</summary>
/// <param name="TotalJobs">All the user's jobs, ever.</param>
/// <param name="JobsThisMonth">Jobs created this month.</param>
/// <param name="SuccessRate">Completed ÷ (completed + failed) among jobs finished this month; null when none finished.</param>
/// <param name="SpendThisMonthUsd">The ledger's total for this month (refunds deducted).</param>
/// <param name="AverageTimeToFinish">Mean time from start to completion of jobs completed this month; null when none.</param>
/// <param name="JobsPerDay">Jobs created on each of the last 30 UTC days, oldest first, days without jobs included.</param>
/// <param name="SpendPerProvider">This month's ledger total per provider, largest first.</param>
public sealed record DashboardStats(
    int TotalJobs,
    int JobsThisMonth,
    double? SuccessRate,
    decimal SpendThisMonthUsd,
    TimeSpan? AverageTimeToFinish,
    IReadOnlyList<DayCount> JobsPerDay,
    IReadOnlyList<SpendTotal> SpendPerProvider);
