using System.ComponentModel.DataAnnotations;

namespace Studio.Core.Budget;

/// <summary>The monthly spending budget, under <c>Studio:Budget</c>.</summary>
public sealed class BudgetOptions
{
    /// <summary>Configuration section.</summary>
    public const string Section = "Studio:Budget";

    /// <summary>
    /// What each user may spend per calendar month (UTC), in USD, unless an admin set their own budget. Absent or empty:
    /// unlimited; 0: no paid generation at all (free ones still run). Default: unlimited (appsettings.json sets 50).
    /// </summary>
    [Range(typeof(decimal), "0", "1000000")]
    public decimal? MonthlyUsdPerUser { get; set; }
}
