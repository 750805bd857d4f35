using System.Net;
using System.Net.Http.Json;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Studio.App.Auth;
using Studio.Core.Accounts;
using Studio.Core.Admin;
using Studio.Core.Jobs;

namespace Studio.Tests.Api;

/// <summary>
/// A role change reaches sign-ins already made: a cookie within the revalidation interval (moved on the app's clock),
/// an API token at once.
/// </summary>
public sealed class SignInRevalidationTests(AccountAppFactory factory) : IClassFixture<AccountAppFactory>
{
    private const string Password = "Another-Pass-1234!";

    private TimeSpan Interval => factory.Services.GetRequiredService<IOptions<SignInRevalidationOptions>>().Value.RevalidationInterval;

    [Fact]
    public async Task DemotedAdminsCookie_IsRefusedAdminRoutesOnceTheIntervalHasPassed()
    {
        var (id, email, _) = await NewAdminAsync();
        var browser = CookieClient();
        (await browser.PostAsJsonAsync("/api/account/login", new { email, password = Password })).StatusCode.Should().Be(HttpStatusCode.OK);
        (await browser.GetAsync("/api/users")).StatusCode.Should().Be(HttpStatusCode.OK);

        (await SetRoleAsync(id, StudioRoles.User)).Outcome.Should().Be(JobCommandOutcome.Done);
        factory.Clock.Advance(Interval + TimeSpan.FromSeconds(1));

        (await browser.GetAsync("/api/users")).StatusCode.Should().Be(HttpStatusCode.Unauthorized, "the cookie was made with the old security stamp");
        (await browser.GetAsync("/api/jobs")).StatusCode.Should().Be(HttpStatusCode.Unauthorized, "the stale sign-in is gone, not only its role");
        (await browser.PostAsJsonAsync("/api/account/login", new { email, password = Password })).StatusCode.Should().Be(HttpStatusCode.OK);
        (await browser.GetAsync("/api/users")).StatusCode.Should().Be(HttpStatusCode.Forbidden, "signed in again, they are a user");
        (await browser.GetAsync("/api/jobs")).StatusCode.Should().Be(HttpStatusCode.OK);
    }

    [Fact]
    public async Task UnchangedAccountsCookie_KeepsWorkingAcrossManyIntervals()
    {
        var (_, email, _) = await NewAdminAsync();
        var browser = CookieClient();
        (await browser.PostAsJsonAsync("/api/account/login", new { email, password = Password })).StatusCode.Should().Be(HttpStatusCode.OK);

        for (var i = 0; i < 3; i++)
        {
            factory.Clock.Advance(Interval + TimeSpan.FromSeconds(1));
            (await browser.GetAsync("/api/users")).StatusCode.Should().Be(HttpStatusCode.OK, $"check {i + 1} finds the same stamp");
        }
    }

    [Fact]
    public async Task DemotedAdminsApiToken_IsRefusedAdminRoutesAtOnce()
    {
        var (id, _, token) = await NewAdminAsync();
        var api = factory.CreateApiClient(token);
        (await api.GetAsync("/api/users")).StatusCode.Should().Be(HttpStatusCode.OK);

        await SetRoleAsync(id, StudioRoles.User);

        (await api.GetAsync("/api/users")).StatusCode.Should().Be(HttpStatusCode.Forbidden, "a token's roles are read from the database on each request");
        (await api.GetAsync("/api/jobs")).StatusCode.Should().Be(HttpStatusCode.OK, "the token itself stays valid");
    }

    [Fact]
    public async Task RoleChange_ChangesTheSecurityStamp()
    {
        var (id, _, _) = await NewAdminAsync();
        var before = await StampAsync(id);

        await SetRoleAsync(id, StudioRoles.User);

        (await StampAsync(id)).Should().NotBe(before);
    }

    [Fact]
    public async Task OpenPageCheck_IsValidUntilTheRoleChangesOrTheAccountGoes()
    {
        var (id, _, _) = await NewAdminAsync();
        var (goneId, _, _) = await NewAdminAsync();
        using var provider = Provider(TimeSpan.FromMinutes(1));
        var signedIn = await PrincipalAsync(id);
        var gone = await PrincipalAsync(goneId);

        (await provider.IsStillValidAsync(signedIn, CancellationToken.None)).Should().BeTrue();
        (await provider.IsStillValidAsync(new System.Security.Claims.ClaimsPrincipal(), CancellationToken.None)).Should().BeTrue("nobody signed in has nothing to lose");
        await SetRoleAsync(id, StudioRoles.User);
        await DeleteAsync(goneId);

        (await provider.IsStillValidAsync(signedIn, CancellationToken.None)).Should().BeFalse("the page was opened with the Admin role");
        (await provider.IsStillValidAsync(gone, CancellationToken.None)).Should().BeFalse("the account is deleted");
        (await provider.IsStillValidAsync(await PrincipalAsync(id), CancellationToken.None)).Should().BeTrue("a new sign-in carries the new stamp");
    }

    [Fact]
    public async Task OpenPage_OfADemotedAdmin_BecomesSignedOutWithinTheInterval()
    {
        var (id, _, _) = await NewAdminAsync();
        using var provider = Provider(TimeSpan.FromMilliseconds(100));
        var principal = await PrincipalAsync(id);
        provider.SetAuthenticationState(Task.FromResult(new Microsoft.AspNetCore.Components.Authorization.AuthenticationState(principal)));
        (await provider.GetAuthenticationStateAsync()).User.IsInRole(StudioRoles.Admin).Should().BeTrue();
        var changed = new TaskCompletionSource<Task<Microsoft.AspNetCore.Components.Authorization.AuthenticationState>>(TaskCreationOptions.RunContinuationsAsynchronously);
        provider.AuthenticationStateChanged += state => changed.TrySetResult(state);

        await SetRoleAsync(id, StudioRoles.User);

        var after = await await changed.Task.WaitAsync(TimeSpan.FromSeconds(30));
        after.User.Identity?.IsAuthenticated.Should().BeFalse();
        (await provider.GetAuthenticationStateAsync()).User.IsInRole(StudioRoles.Admin).Should().BeFalse();
    }

    private RevalidatingIdentityStateProvider Provider(TimeSpan interval) => new(
        factory.Services.GetRequiredService<Microsoft.Extensions.Logging.ILoggerFactory>(),
        factory.Services.GetRequiredService<IServiceScopeFactory>(),
        factory.Services.GetRequiredService<IOptions<Microsoft.AspNetCore.Identity.IdentityOptions>>(),
        Options.Create(new SignInRevalidationOptions { RevalidationInterval = interval }));

    private async Task<System.Security.Claims.ClaimsPrincipal> PrincipalAsync(string userId)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<Microsoft.AspNetCore.Identity.UserManager<StudioUser>>();
        var principals = scope.ServiceProvider.GetRequiredService<Microsoft.AspNetCore.Identity.IUserClaimsPrincipalFactory<StudioUser>>();
        return await principals.CreateAsync((await users.FindByIdAsync(userId))!);
    }

    private async Task DeleteAsync(string userId)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<Microsoft.AspNetCore.Identity.UserManager<StudioUser>>();
        var db = scope.ServiceProvider.GetRequiredService<Studio.Core.Persistence.StudioDbContext>();
        db.ApiTokens.RemoveRange(db.ApiTokens.Where(t => t.UserId == userId));
        await db.SaveChangesAsync();
        (await users.DeleteAsync((await users.FindByIdAsync(userId))!)).Succeeded.Should().BeTrue();
    }

    private async Task<(string Id, string Email, string Token)> NewAdminAsync()
    {
        var email = $"admin-{Guid.NewGuid():N}@studio.test";
        var token = await factory.CreateUserWithTokenAsync(email);
        var id = await factory.UserIdAsync(email);
        (await SetRoleAsync(id, StudioRoles.Admin)).Outcome.Should().Be(JobCommandOutcome.Done);
        return (id, email, token);
    }

    private async Task<JobCommandResult> SetRoleAsync(string userId, string role)
    {
        var bootstrapAdmin = await factory.UserIdAsync(StudioAppFactory.AdminEmail);
        return await factory.Services.GetRequiredService<AdminUsers>().SetRoleAsync(bootstrapAdmin, userId, role, CancellationToken.None);
    }

    private async Task<string?> StampAsync(string userId)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<Microsoft.AspNetCore.Identity.UserManager<StudioUser>>();
        return await users.GetSecurityStampAsync((await users.FindByIdAsync(userId))!);
    }

    private HttpClient CookieClient() => factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });
}
