namespace Studio.App.Features.Budget;

/// <summary>A user's budget as an admin set it.</summary>
/// <param name="UserId">The user.</param>
/// <param name="MonthlyUsd">Their monthly budget now; null when unlimited.</param>
/// <param name="IsDefault">True when it is the default (<c>Studio:Budget:MonthlyUsdPerUser</c>), not their own.</param>
public sealed record UserBudgetResponse(string UserId, decimal? MonthlyUsd, bool IsDefault);
