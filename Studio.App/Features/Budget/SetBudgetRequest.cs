namespace Studio.App.Features.Budget;

/// <summary>The body of <c>PUT /api/users/{id}/budget</c>.</summary>
/// <param name="MonthlyUsd">USD per calendar month (UTC), 0 or more; null gives the user the default budget again.</param>
public sealed record SetBudgetRequest(decimal? MonthlyUsd);
