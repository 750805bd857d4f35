using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Studio.Core.Persistence;

namespace Studio.Core.Accounts;

/// <summary>
/// Makes sure the roles exist, creates the admin when the database has no user, and keeps the configured
/// bootstrap API token valid. Never logs a password or a token.
/// </summary>
public sealed partial class AccountBootstrapper(
    UserManager<StudioUser> users,
    RoleManager<IdentityRole> roles,
    IDbContextFactory<StudioDbContext> dbFactory,
    IOptions<BootstrapOptions> options,
    TimeProvider time,
    ILogger<AccountBootstrapper> logger)
{
    /// <summary>The name given to the configured bootstrap token.</summary>
    public const string BootstrapTokenName = "bootstrap (Studio:Bootstrap:ApiToken)";

    /// <summary>Runs the bootstrap; idempotent.</summary>
    public async Task<BootstrapResult> RunAsync(CancellationToken ct)
    {
        foreach (var role in StudioRoles.All)
        {
            if (!await roles.RoleExistsAsync(role).ConfigureAwait(false))
            {
                Check(await roles.CreateAsync(new IdentityRole(role)).ConfigureAwait(false), $"create role {role}");
            }
        }

        var settings = options.Value;
        var created = false;
        string? generated = null;
        if (!await users.Users.AnyAsync(ct).ConfigureAwait(false))
        {
            var password = string.IsNullOrEmpty(settings.AdminPassword) ? generated = PasswordGenerator.Generate() : settings.AdminPassword;
            var admin = new StudioUser { UserName = settings.AdminEmail, Email = settings.AdminEmail, EmailConfirmed = true, CreatedAt = time.GetUtcNow() };
            Check(await users.CreateAsync(admin, password).ConfigureAwait(false), "create the bootstrap admin (check Studio:Bootstrap:AdminPassword against the password rules)");
            Check(await users.AddToRoleAsync(admin, StudioRoles.Admin).ConfigureAwait(false), "make the bootstrap admin an Admin");
            created = true;
            LogAdminCreated(logger, settings.AdminEmail);
        }

        if (!string.IsNullOrEmpty(settings.ApiToken))
        {
            await EnsureBootstrapTokenAsync(settings, ct).ConfigureAwait(false);
        }

        return new BootstrapResult(settings.AdminEmail, created, generated);
    }

    private async Task EnsureBootstrapTokenAsync(BootstrapOptions settings, CancellationToken ct)
    {
        var admin = await users.FindByEmailAsync(settings.AdminEmail).ConfigureAwait(false);
        if (admin is null)
        {
            LogTokenWithoutAdmin(logger, settings.AdminEmail);
            return;
        }

        var hash = ApiTokenHasher.Hash(settings.ApiToken!);
        await using var db = await dbFactory.CreateDbContextAsync(ct).ConfigureAwait(false);
        var existing = await db.ApiTokens.FirstOrDefaultAsync(t => t.TokenHash == hash, ct).ConfigureAwait(false);
        if (existing is { RevokedAt: null } && existing.UserId == admin.Id)
        {
            return;
        }

        if (existing is not null)
        {
            db.ApiTokens.Remove(existing);
        }

        db.ApiTokens.Add(new ApiToken(Guid.CreateVersion7(time.GetUtcNow()), admin.Id, BootstrapTokenName, hash, time.GetUtcNow()));
        await db.SaveChangesAsync(ct).ConfigureAwait(false);
    }

    private static void Check(IdentityResult result, string what)
    {
        if (!result.Succeeded)
        {
            throw new InvalidOperationException($"Could not {what}: {string.Join(" ", result.Errors.Select(e => e.Description))}");
        }
    }

    [LoggerMessage(LogLevel.Information, "Created the bootstrap admin {Email}")]
    private static partial void LogAdminCreated(ILogger logger, string email);

    [LoggerMessage(LogLevel.Warning, "Studio:Bootstrap:ApiToken is set but no user has the e-mail {Email}; the token was not installed")]
    private static partial void LogTokenWithoutAdmin(ILogger logger, string email);
}
