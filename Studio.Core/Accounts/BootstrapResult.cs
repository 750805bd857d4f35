namespace Studio.Core.Accounts;

/// <summary>What the bootstrap did.</summary>
/// <param name="AdminEmail">The bootstrap admin's e-mail.</param>
/// <param name="AdminCreated">True when the admin was created on this start.</param>
/// <param name="GeneratedPassword">The password generated for it, to be shown once; null when configured or not created now.</param>
public sealed record BootstrapResult(string AdminEmail, bool AdminCreated, string? GeneratedPassword);
