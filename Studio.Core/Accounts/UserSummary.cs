namespace Studio.Core.Accounts;

/// <summary>A user as an admin sees it: never a password or a hash.</summary>
/// <param name="Id">Identity's user id.</param>
/// <param name="Email">The e-mail (sign-in name).</param>
/// <param name="Role">"Admin" or "User".</param>
/// <param name="LockedOut">True while the account is locked after failed sign-ins.</param>
/// <param name="CreatedAt">When the account was created.</param>
public sealed record UserSummary(string Id, string Email, string Role, bool LockedOut, DateTimeOffset CreatedAt);
