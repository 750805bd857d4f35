namespace Studio.Core.Budget;

/// <summary>A user's own monthly budget, set by an admin; it replaces <see cref="BudgetOptions.MonthlyUsdPerUser"/> for that user.</summary>
public sealed class UserBudget
{
    private UserBudget()
    {
        UserId = string.Empty;
    }

    /// <summary>Creates a user's budget.</summary>
    public UserBudget(string userId, decimal monthlyUsd, DateTimeOffset at)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(userId);
        UserId = userId;
        Change(monthlyUsd, at);
    }

    /// <summary>The user it applies to.</summary>
    public string UserId { get; private set; }

    /// <summary>USD per calendar month (UTC); 0 allows no paid generation.</summary>
    public decimal MonthlyUsd { get; private set; }

    /// <summary>When it was last set.</summary>
    public DateTimeOffset UpdatedAt { get; private set; }

    /// <summary>Sets a new amount.</summary>
    public void Change(decimal monthlyUsd, DateTimeOffset at)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(monthlyUsd);
        MonthlyUsd = monthlyUsd;
        UpdatedAt = at;
    }
}
