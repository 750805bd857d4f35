namespace Studio.Core.Admin;

/// <summary>A user as the admin's users list shows it: never a password or a hash.</summary>
/// <param name="Id">Identity's user id.</param>
/// <param name="Email">The e-mail (sign-in name).</param>
/// <param name="Role">"Admin" or "User".</param>
/// <param name="LockedOut">True while the account is locked after failed sign-ins.</param>
/// <param name="CreatedAt">When the account was created.</param>
/// <param name="MonthlyBudgetUsd">Their monthly budget (their own, or the default); null when unlimited.</param>
/// <param name="OwnBudget">True when an admin set this user's budget; false when the default applies.</param>
/// <param name="SpentThisMonthUsd">What the ledger holds for them this calendar month (UTC), refunds taken off.</param>
public sealed record AdminUserRow(
    string Id,
    string Email,
    string Role,
    bool LockedOut,
    DateTimeOffset CreatedAt,
    decimal? MonthlyBudgetUsd,
    bool OwnBudget,
    decimal SpentThisMonthUsd);
