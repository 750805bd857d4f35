using System.Security.Claims;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Components.Server;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;
using Studio.Core.Accounts;

namespace Studio.App.Auth;

/// <summary>
/// The sign-in of an open page (a Blazor circuit), checked against the account every
/// <see cref="SignInRevalidationOptions.RevalidationInterval"/>: once the account is deleted or its security stamp
/// changed (a role change, a new password), the page's user becomes signed out, so what it may see is decided again at
/// once (an admin page of a demoted admin closes and sends them to sign in) instead of at the next sign-in.
/// </summary>
internal sealed class RevalidatingIdentityStateProvider(
    ILoggerFactory loggerFactory,
    IServiceScopeFactory scopes,
    IOptions<IdentityOptions> identity,
    IOptions<SignInRevalidationOptions> sessions)
    : RevalidatingServerAuthenticationStateProvider(loggerFactory)
{
    protected override TimeSpan RevalidationInterval => sessions.Value.RevalidationInterval;

    protected override Task<bool> ValidateAuthenticationStateAsync(AuthenticationState authenticationState, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(authenticationState);
        return IsStillValidAsync(authenticationState.User, cancellationToken);
    }

    /// <summary>True while the account of <paramref name="user"/> exists and has the security stamp the sign-in was made with.</summary>
    internal async Task<bool> IsStillValidAsync(ClaimsPrincipal user, CancellationToken ct)
    {
        if (user.Identity?.IsAuthenticated != true)
        {
            return true;
        }

        // The user manager is scoped (it holds a context): a fresh one per check, never the circuit's.
        await using var scope = scopes.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<StudioUser>>();
        ct.ThrowIfCancellationRequested();
        var account = await users.GetUserAsync(user);
        if (account is null)
        {
            return false;
        }

        if (!users.SupportsUserSecurityStamp)
        {
            return true;
        }

        var signedWith = user.FindFirstValue(identity.Value.ClaimsIdentity.SecurityStampClaimType);
        var current = await users.GetSecurityStampAsync(account);
        return string.Equals(signedWith, current, StringComparison.Ordinal);
    }
}
