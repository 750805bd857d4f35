using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Localization;
using Studio.App.Auth;
using Studio.Core.Accounts;
using Studio.Core.Audit;
using Studio.Core.Budget;
using Studio.Core.Common;

namespace Studio.App.Features.Budget;

/// <summary>
/// The monthly budget: <c>GET /api/budget</c> (mine: budget, spent, reserved, remaining) and
/// <c>PUT /api/users/{id}/budget</c> (admins: one user's own budget). An unknown user answers 404.
/// </summary>
internal static class BudgetApi
{
    public static IEndpointRouteBuilder MapBudgetApi(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/budget", GetMine).WithTags("Budget");
        app.MapPut("/api/users/{id}/budget", SetForUser).WithTags("Budget")
            .RequireAuthorization(policy => policy.RequireRole(StudioRoles.Admin));
        return app;
    }

    public static async Task<Ok<BudgetStatus>> GetMine(ClaimsPrincipal user, BudgetGuard budget, CancellationToken ct) =>
        TypedResults.Ok(await budget.StatusAsync(user.RequireUserId(), ct));

    public static async Task<Results<Ok<UserBudgetResponse>, NotFound, ValidationProblem>> SetForUser(
        string id, SetBudgetRequest request, ClaimsPrincipal admin, UserBudgets budgets, IOptions<BudgetOptions> options, AuditLog audit, IStringLocalizerFactory localizers, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (request.MonthlyUsd is < 0 or > UserBudgets.MaxMonthlyUsd)
        {
            var errors = new ValidationErrors();
            errors.Add("monthlyUsd", localizers.Create(typeof(BudgetApi))[
                "A monthly budget is between 0 and {0} USD; {1} was given. Use null for the default budget.", UserBudgets.MaxMonthlyUsd, request.MonthlyUsd!.Value]);
            return TypedResults.ValidationProblem(errors.ToDictionary());
        }

        if (!await budgets.SetAsync(id, request.MonthlyUsd, ct))
        {
            return TypedResults.NotFound();
        }

        await audit.WriteAsync(admin.RequireUserId(), "budget.set", $"user/{id}", AuditDetails.BudgetSet(request.MonthlyUsd), request.MonthlyUsd, ct);

        return TypedResults.Ok(request.MonthlyUsd is { } amount
            ? new UserBudgetResponse(id, amount, IsDefault: false)
            : new UserBudgetResponse(id, options.Value.MonthlyUsdPerUser, IsDefault: true));
    }
}
