namespace Studio.Core.Budget;

/// <summary>Where a user stands this month.</summary>
/// <param name="MonthlyUsd">Their budget; null when unlimited.</param>
/// <param name="SpentUsd">The ledger's sum this month (refunds subtracted).</param>
/// <param name="ReservedUsd">What their queued and running jobs are still expected to spend, by their estimates.</param>
/// <param name="RemainingUsd">Budget − spent − reserved (never below 0); null when unlimited.</param>
/// <param name="Month">The calendar month (UTC), <c>YYYY-MM</c>.</param>
public sealed record BudgetStatus(decimal? MonthlyUsd, decimal SpentUsd, decimal ReservedUsd, decimal? RemainingUsd, string Month);
