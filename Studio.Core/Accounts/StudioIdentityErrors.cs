using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Localization;

namespace Studio.Core.Accounts;

/// <summary>
/// Identity's messages (password rules, taken or invalid e-mails and user names) in the caller's language. The codes stay
/// Identity's own, so callers that sort errors by code (<see cref="UserAdministration"/>) are unchanged.
/// </summary>
public sealed class StudioIdentityErrors(IStringLocalizer<StudioIdentityErrors> L) : IdentityErrorDescriber
{
    /// <inheritdoc />
    public override IdentityError DefaultError() => Error(nameof(DefaultError), L["An unknown failure has occurred."]);

    /// <inheritdoc />
    public override IdentityError PasswordMismatch() => Error(nameof(PasswordMismatch), L["Incorrect password."]);

    /// <inheritdoc />
    public override IdentityError InvalidUserName(string? userName) =>
        Error(nameof(InvalidUserName), L["The user name '{0}' is invalid: it may only contain letters, digits and - . _ @ +.", userName ?? string.Empty]);

    /// <inheritdoc />
    public override IdentityError InvalidEmail(string? email) => Error(nameof(InvalidEmail), L["The e-mail address '{0}' is invalid.", email ?? string.Empty]);

    /// <inheritdoc />
    public override IdentityError DuplicateUserName(string userName) => Error(nameof(DuplicateUserName), L["The user name '{0}' is already taken.", userName]);

    /// <inheritdoc />
    public override IdentityError DuplicateEmail(string email) => Error(nameof(DuplicateEmail), L["The e-mail address '{0}' is already taken.", email]);

    /// <inheritdoc />
    public override IdentityError PasswordTooShort(int length) => Error(nameof(PasswordTooShort), L["Passwords must be at least {0} characters long.", length]);

    /// <inheritdoc />
    public override IdentityError PasswordRequiresUniqueChars(int uniqueChars) =>
        Error(nameof(PasswordRequiresUniqueChars), L["Passwords must use at least {0} different characters.", uniqueChars]);

    /// <inheritdoc />
    public override IdentityError PasswordRequiresNonAlphanumeric() =>
        Error(nameof(PasswordRequiresNonAlphanumeric), L["Passwords must have at least one non alphanumeric character (neither a letter nor a digit)."]);

    /// <inheritdoc />
    public override IdentityError PasswordRequiresDigit() => Error(nameof(PasswordRequiresDigit), L["Passwords must have at least one digit ('0'-'9')."]);

    /// <inheritdoc />
    public override IdentityError PasswordRequiresLower() => Error(nameof(PasswordRequiresLower), L["Passwords must have at least one lowercase letter ('a'-'z')."]);

    /// <inheritdoc />
    public override IdentityError PasswordRequiresUpper() => Error(nameof(PasswordRequiresUpper), L["Passwords must have at least one uppercase letter ('A'-'Z')."]);

    private static IdentityError Error(string code, string description) => new() { Code = code, Description = description };
}
