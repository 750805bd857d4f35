using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Studio.Core.Accounts;

/// <summary>
/// Identity's user manager on Studio's clock: Identity itself reads <see cref="DateTimeOffset.UtcNow"/> to lock an
/// account and to decide whether it is still locked, so the lockout could neither follow the app's
/// <see cref="TimeProvider"/> nor be tested without waiting. Everything else is Identity's own behaviour.
/// </summary>
public sealed class StudioUserManager(
    IUserStore<StudioUser> store,
    IOptions<IdentityOptions> optionsAccessor,
    IPasswordHasher<StudioUser> passwordHasher,
    IEnumerable<IUserValidator<StudioUser>> userValidators,
    IEnumerable<IPasswordValidator<StudioUser>> passwordValidators,
    ILookupNormalizer keyNormalizer,
    IdentityErrorDescriber errors,
    IServiceProvider services,
    ILogger<UserManager<StudioUser>> logger,
    TimeProvider time)
    : UserManager<StudioUser>(store, optionsAccessor, passwordHasher, userValidators, passwordValidators, keyNormalizer, errors, services, logger)
{
    /// <summary>True while the user's lockout end is still ahead of the app's clock.</summary>
    public override async Task<bool> IsLockedOutAsync(StudioUser user)
    {
        ArgumentNullException.ThrowIfNull(user);
        ThrowIfDisposed();
        var lockout = LockoutStore;
        if (!await lockout.GetLockoutEnabledAsync(user, CancellationToken).ConfigureAwait(false))
        {
            return false;
        }

        var end = await lockout.GetLockoutEndDateAsync(user, CancellationToken).ConfigureAwait(false);
        return end >= time.GetUtcNow();
    }

    /// <summary>Counts a failed sign-in; the last one allowed locks the account for the configured time, by the app's clock.</summary>
    public override async Task<IdentityResult> AccessFailedAsync(StudioUser user)
    {
        ArgumentNullException.ThrowIfNull(user);
        ThrowIfDisposed();
        var lockout = LockoutStore;
        var count = await lockout.IncrementAccessFailedCountAsync(user, CancellationToken).ConfigureAwait(false);
        if (count >= Options.Lockout.MaxFailedAccessAttempts)
        {
            await lockout.SetLockoutEndDateAsync(user, time.GetUtcNow().Add(Options.Lockout.DefaultLockoutTimeSpan), CancellationToken).ConfigureAwait(false);
            await lockout.ResetAccessFailedCountAsync(user, CancellationToken).ConfigureAwait(false);
        }

        return await UpdateUserAsync(user).ConfigureAwait(false);
    }

    private IUserLockoutStore<StudioUser> LockoutStore =>
        Store as IUserLockoutStore<StudioUser> ?? throw new NotSupportedException("The user store does not support lockout.");
}
