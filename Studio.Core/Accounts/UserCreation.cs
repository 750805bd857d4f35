using Studio.Core.Common;

namespace Studio.Core.Accounts;

/// <summary>The outcome of creating a user: the user, or field errors, or a duplicate e-mail.</summary>
/// <param name="User">The created user; null when refused.</param>
/// <param name="Errors">Field messages ("email", "password", "role") when refused; null when created.</param>
/// <param name="Duplicate">True when the refusal is an e-mail already in use (the errors name "email").</param>
public sealed record UserCreation(UserSummary? User, ValidationErrors? Errors, bool Duplicate);
