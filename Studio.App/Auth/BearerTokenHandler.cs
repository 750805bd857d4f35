using System.Security.Claims;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;
using Studio.Core.Accounts;

namespace Studio.App.Auth;

/// <summary>Authenticates <c>Authorization: Bearer &lt;token&gt;</c> against the hashed personal API tokens.</summary>
internal sealed class BearerTokenHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options,
    ILoggerFactory logger,
    UrlEncoder encoder,
    ApiTokenAuthenticator tokens,
    IUserClaimsPrincipalFactory<StudioUser> principals,
    UserManager<StudioUser> users,
    IOptions<AccountOptions> accounts,
    TimeProvider time)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    private const string Prefix = "Bearer ";

    public static bool HasBearer(HttpRequest request) =>
        request.Headers.Authorization.ToString().StartsWith(Prefix, StringComparison.OrdinalIgnoreCase);

    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        var header = Request.Headers.Authorization.ToString();
        if (!header.StartsWith(Prefix, StringComparison.OrdinalIgnoreCase))
        {
            return AuthenticateResult.NoResult();
        }

        var userId = await tokens.FindUserIdAsync(header[Prefix.Length..].Trim(), Context.RequestAborted);
        var user = userId is null ? null : await users.FindByIdAsync(userId);
        if (user is null || IsDisabled(user))
        {
            return AuthenticateResult.Fail("The bearer token is not valid.");
        }

        ClaimsPrincipal principal = await principals.CreateAsync(user);
        return AuthenticateResult.Success(new AuthenticationTicket(principal, Scheme.Name));
    }

    /// <summary>
    /// True for an account locked for longer than a sign-in lockout lasts (disabled on purpose). The lockout that follows
    /// failed password attempts protects the password only: it does not stop the user's tokens, or anyone who knows an
    /// e-mail address could stop that user's scripts by failing to sign in five times.
    /// </summary>
    private bool IsDisabled(StudioUser user) =>
        user.LockoutEnabled && user.LockoutEnd is { } end && end > time.GetUtcNow() + accounts.Value.LockoutTime + TimeSpan.FromMinutes(1);

    protected override Task HandleChallengeAsync(AuthenticationProperties properties)
    {
        Response.StatusCode = StatusCodes.Status401Unauthorized;
        Response.Headers.WWWAuthenticate = "Bearer";
        return Task.CompletedTask;
    }
}
