using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;
using Studio.Core.Accounts;
using Studio.Core.Audit;
using Studio.Core.Budget;
using Studio.Core.Jobs;
using Studio.Core.Persistence;

namespace Studio.Core.Admin;

/// <summary>
/// What an admin does to users: list them with their budget and this month's spending, create one, change a role, set
/// a monthly budget. Identity's services are scoped (they hold a context), so each call makes its own short scope
/// rather than keeping a context for as long as a page is open. Every change is on the audit trail, naming the admin.
/// </summary>
public sealed class AdminUsers(
    IServiceScopeFactory scopes,
    IDbContextFactory<StudioDbContext> dbFactory,
    UserBudgets budgets,
    IOptions<BudgetOptions> budgetOptions,
    AuditLog audit,
    TimeProvider time,
    IStringLocalizer<AdminUsers> L)
{
    /// <summary>Every user by e-mail, with role, budget and what they spent this month.</summary>
    public async Task<IReadOnlyList<AdminUserRow>> ListAsync(CancellationToken ct)
    {
        IReadOnlyList<UserSummary> users;
        await using (var scope = scopes.CreateAsyncScope())
        {
            users = await scope.ServiceProvider.GetRequiredService<UserAdministration>().ListAsync(ct).ConfigureAwait(false);
        }

        var now = time.GetUtcNow();
        var from = new DateTimeOffset(now.UtcDateTime.Year, now.UtcDateTime.Month, 1, 0, 0, 0, TimeSpan.Zero);
        var to = from.AddMonths(1);
        await using var db = await dbFactory.CreateDbContextAsync(ct).ConfigureAwait(false);
        var own = await db.Budgets.AsNoTracking().ToDictionaryAsync(b => b.UserId, b => b.MonthlyUsd, ct).ConfigureAwait(false);

        // SQLite cannot sum decimals exactly: the month's lines are added here.
        var lines = await db.Costs.AsNoTracking().Where(c => c.At >= from && c.At < to)
            .Select(c => new { c.OwnerId, c.AmountUsd }).ToListAsync(ct).ConfigureAwait(false);
        var spent = lines.GroupBy(l => l.OwnerId, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Sum(l => l.AmountUsd), StringComparer.Ordinal);
        var fallback = budgetOptions.Value.MonthlyUsdPerUser;
        return [.. users.Select(u => new AdminUserRow(
            u.Id, u.Email, u.Role, u.LockedOut, u.CreatedAt,
            own.TryGetValue(u.Id, out var amount) ? amount : fallback,
            own.ContainsKey(u.Id),
            spent.GetValueOrDefault(u.Id)))];
    }

    /// <summary>Creates a user with a role, or says which field is wrong ("email", "password", "role").</summary>
    public async Task<UserCreation> CreateAsync(string adminId, NewUser request, CancellationToken ct)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(adminId);
        UserCreation result;
        await using (var scope = scopes.CreateAsyncScope())
        {
            result = await scope.ServiceProvider.GetRequiredService<UserAdministration>().CreateAsync(request, ct).ConfigureAwait(false);
        }

        if (result.User is { } user)
        {
            await audit.WriteAsync(adminId, "user.create", $"user/{user.Id}", AuditDetails.UserCreated(user.Email, user.Role), null, ct).ConfigureAwait(false);
        }

        return result;
    }

    /// <summary>
    /// Gives the user <paramref name="role"/> instead of their current one. An admin cannot take the Admin role from
    /// themselves (so the last admin cannot lock everyone out by accident). The user's security stamp changes with it, so
    /// their open pages and cookies lose the old role within the host's revalidation interval (they sign in again).
    /// </summary>
    public async Task<JobCommandResult> SetRoleAsync(string adminId, string userId, string role, CancellationToken ct)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(adminId);
        var wanted = StudioRoles.All.FirstOrDefault(r => string.Equals(r, role?.Trim(), StringComparison.OrdinalIgnoreCase));
        if (wanted is null)
        {
            return JobCommandResult.Invalid(L["Unknown role; use {0} or {1}.", StudioRoles.User, StudioRoles.Admin]);
        }

        if (string.Equals(adminId, userId, StringComparison.Ordinal) && wanted != StudioRoles.Admin)
        {
            return JobCommandResult.Conflict(L["You cannot take the Admin role from yourself; ask another admin."]);
        }

        await using var scope = scopes.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<StudioUser>>();
        var user = await users.FindByIdAsync(userId).ConfigureAwait(false);
        if (user is null)
        {
            return JobCommandResult.NotFound;
        }

        var current = await users.GetRolesAsync(user).ConfigureAwait(false);
        if (current.Count == 1 && current[0] == wanted)
        {
            return JobCommandResult.Done;
        }

        var removed = await users.RemoveFromRolesAsync(user, current).ConfigureAwait(false);
        var added = removed.Succeeded ? await users.AddToRoleAsync(user, wanted).ConfigureAwait(false) : removed;
        if (!added.Succeeded)
        {
            return JobCommandResult.Conflict(string.Join(" ", added.Errors.Select(e => e.Description)));
        }

        // Identity keeps a role change out of the stamp; sign-ins made with the old role must be seen to be stale.
        var stamped = await users.UpdateSecurityStampAsync(user).ConfigureAwait(false);
        if (!stamped.Succeeded)
        {
            return JobCommandResult.Conflict(string.Join(" ", stamped.Errors.Select(e => e.Description)));
        }

        await audit.WriteAsync(adminId, "user.role", $"user/{userId}", AuditDetails.RoleChanged(user.Email ?? string.Empty, current, wanted), null, ct).ConfigureAwait(false);
        return JobCommandResult.Done;
    }

    /// <summary>
    /// Sets the user's monthly budget (0 to <see cref="UserBudgets.MaxMonthlyUsd"/>), or with null gives them the default
    /// again.
    /// </summary>
    public async Task<JobCommandResult> SetBudgetAsync(string adminId, string userId, decimal? monthlyUsd, CancellationToken ct)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(adminId);
        if (monthlyUsd is < 0 or > UserBudgets.MaxMonthlyUsd)
        {
            return JobCommandResult.Invalid(L["A monthly budget is between 0 and {0} USD.", UserBudgets.MaxMonthlyUsd]);
        }

        if (!await budgets.SetAsync(userId, monthlyUsd, ct).ConfigureAwait(false))
        {
            return JobCommandResult.NotFound;
        }

        await audit.WriteAsync(adminId, "budget.set", $"user/{userId}", AuditDetails.BudgetSet(monthlyUsd), monthlyUsd, ct).ConfigureAwait(false);
        return JobCommandResult.Done;
    }
}
