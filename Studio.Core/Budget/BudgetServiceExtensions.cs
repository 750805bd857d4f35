using Microsoft.Extensions.DependencyInjection;

namespace Studio.Core.Budget;

/// <summary>Registers the monthly budget.</summary>
public static class BudgetServiceExtensions
{
    /// <summary>Adds the budget's options (validated at start), its guard and the admin's per-user budgets.</summary>
    public static IServiceCollection AddStudioBudget(this IServiceCollection services)
    {
        services.AddOptions<BudgetOptions>().BindConfiguration(BudgetOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<BudgetGuard>();
        services.AddSingleton<UserBudgets>();
        return services;
    }
}
