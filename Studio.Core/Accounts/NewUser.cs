namespace Studio.Core.Accounts;

/// <summary>An account an admin asks for.</summary>
/// <param name="Email">The e-mail, also the sign-in name.</param>
/// <param name="Password">Its first password, checked against the password rules.</param>
/// <param name="Role">"User" or "Admin" (any case); null means "User".</param>
public sealed record NewUser(string? Email, string? Password, string? Role);
