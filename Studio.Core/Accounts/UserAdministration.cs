using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Logging;
using Studio.Core.Common;
using Studio.Core.Persistence;

namespace Studio.Core.Accounts;

/// <summary>
/// Creates and lists users for admins. A refused user leaves nothing behind: the account and its role are written in
/// one transaction, after every rule has passed.
/// </summary>
public sealed partial class UserAdministration(
    UserManager<StudioUser> users,
    StudioDbContext db,
    DatabaseWriteGate writeGate,
    TimeProvider time,
    ILogger<UserAdministration> logger,
    IStringLocalizer<UserAdministration> L)
{
    /// <summary>Longest e-mail accepted (Identity's column).</summary>
    public const int MaxEmailLength = 256;

    /// <summary>Longest password accepted; a bound, so nobody makes the server hash a megabyte.</summary>
    public const int MaxPasswordLength = 256;

    /// <summary>Creates a user with a role, or says which field is wrong.</summary>
    public async Task<UserCreation> CreateAsync(NewUser request, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(request);
        var errors = new ValidationErrors();
        var email = (request.Email ?? string.Empty).Trim();
        if (email.Length == 0)
        {
            errors.Add("email", L["Enter an e-mail address."]);
        }
        else if (email.Length > MaxEmailLength || !new EmailAddressAttribute().IsValid(email) || email.Any(char.IsControl))
        {
            errors.Add("email", L["Enter a valid e-mail address (at most {0} characters).", MaxEmailLength]);
        }

        if (string.IsNullOrEmpty(request.Password))
        {
            errors.Add("password", L["Enter a password."]);
        }
        else if (request.Password.Length > MaxPasswordLength)
        {
            errors.Add("password", L["Passwords are at most {0} characters.", MaxPasswordLength]);
        }

        var role = ParseRole(request.Role);
        if (role is null)
        {
            errors.Add("role", L["Unknown role; use {0} or {1}.", StudioRoles.User, StudioRoles.Admin]);
        }

        if (!errors.IsEmpty)
        {
            return new UserCreation(null, errors, Duplicate: false);
        }

        var user = new StudioUser { UserName = email, Email = email, EmailConfirmed = true, CreatedAt = time.GetUtcNow() };
        using var turn = await writeGate.EnterAsync(ct).ConfigureAwait(false);
        await using var transaction = await db.Database.BeginTransactionAsync(ct).ConfigureAwait(false);
        IdentityResult created;
        try
        {
            created = await users.CreateAsync(user, request.Password!).ConfigureAwait(false);
        }
        catch (DbUpdateException)
        {
            // Two admins creating the same e-mail at once: the unique user name index refuses the second.
            return Duplicate(email);
        }

        if (!created.Succeeded)
        {
            return FromIdentity(created, email);
        }

        var added = await users.AddToRoleAsync(user, role!).ConfigureAwait(false);
        if (!added.Succeeded)
        {
            await transaction.RollbackAsync(ct).ConfigureAwait(false);
            throw new InvalidOperationException($"Could not give the new user the role {role}: {string.Join(" ", added.Errors.Select(e => e.Description))}");
        }

        await transaction.CommitAsync(ct).ConfigureAwait(false);
        LogUserCreated(logger, user.Id, role!);
        return new UserCreation(new UserSummary(user.Id, email, role!, LockedOut: false, user.CreatedAt), null, Duplicate: false);
    }

    /// <summary>Every user, by e-mail, with their role and whether they are locked out now.</summary>
    public async Task<IReadOnlyList<UserSummary>> ListAsync(CancellationToken ct)
    {
        var admins = await (from userRole in db.UserRoles
                            join role in db.Roles on userRole.RoleId equals role.Id
                            where role.Name == StudioRoles.Admin
                            select userRole.UserId).ToListAsync(ct).ConfigureAwait(false);
        var rows = await db.Users.AsNoTracking()
            .Select(u => new { u.Id, u.Email, u.LockoutEnabled, u.LockoutEnd, u.CreatedAt })
            .ToListAsync(ct).ConfigureAwait(false);
        var now = time.GetUtcNow();
        var adminIds = admins.ToHashSet(StringComparer.Ordinal);
        return rows
            .Select(u => new UserSummary(
                u.Id,
                u.Email ?? string.Empty,
                adminIds.Contains(u.Id) ? StudioRoles.Admin : StudioRoles.User,
                u.LockoutEnabled && u.LockoutEnd >= now,
                u.CreatedAt))
            .OrderBy(u => u.Email, StringComparer.OrdinalIgnoreCase)
            .ToList();
    }

    private static string? ParseRole(string? role) =>
        string.IsNullOrWhiteSpace(role)
            ? StudioRoles.User
            : StudioRoles.All.FirstOrDefault(r => string.Equals(r, role.Trim(), StringComparison.OrdinalIgnoreCase));

    private UserCreation FromIdentity(IdentityResult result, string email)
    {
        var errors = new ValidationErrors();
        var duplicate = false;
        foreach (var error in result.Errors)
        {
            if (error.Code is "DuplicateEmail" or "DuplicateUserName")
            {
                duplicate = true;
            }
            else if (error.Code.StartsWith("Password", StringComparison.Ordinal))
            {
                errors.Add("password", error.Description);
            }
            else if (error.Code.Contains("Email", StringComparison.Ordinal) || error.Code.Contains("UserName", StringComparison.Ordinal))
            {
                errors.Add("email", error.Description);
            }
            else
            {
                errors.Add("user", error.Description);
            }
        }

        // Identity reports a duplicate twice (user name and e-mail are the same here): say it once.
        return duplicate ? Duplicate(email) : new UserCreation(null, errors, Duplicate: false);
    }

    private UserCreation Duplicate(string email)
    {
        var errors = new ValidationErrors();
        errors.Add("email", L["An account with the e-mail '{0}' already exists.", email]);
        return new UserCreation(null, errors, Duplicate: true);
    }

    [LoggerMessage(LogLevel.Information, "Created user {UserId} with the role {Role}")]
    private static partial void LogUserCreated(ILogger logger, string userId, string role);
}
