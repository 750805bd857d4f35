using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Studio.Core.Accounts;

namespace Studio.Tests.Api;

/// <summary>
/// <c>POST /api/account/login</c>: a cookie that signs the client in, the same answer for a wrong password and an
/// unknown e-mail, and the lockout (5 failures, 5 minutes) measured on the app's clock, which the test moves instead
/// of waiting. Each test signs in as a user of its own, so lockouts never leak between tests.
/// </summary>
public sealed partial class AccountApiTests(AccountAppFactory factory) : IClassFixture<AccountAppFactory>
{
    private const string Password = "Another-Pass-1234!";

    [Fact]
    public async Task Login_RightPassword_Is200AndItsCookieOpensProtectedRoutes()
    {
        var email = await NewUserAsync();
        var client = CookieClient();
        (await client.GetAsync("/api/tokens")).StatusCode.Should().Be(HttpStatusCode.Unauthorized);

        var response = await client.PostAsJsonAsync("/api/account/login", new { email, password = Password });

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        response.Headers.GetValues("Set-Cookie").Should().Contain(c => c.StartsWith("studio.auth=", StringComparison.Ordinal) && c.Contains("httponly", StringComparison.OrdinalIgnoreCase));
        var body = await response.Content.ReadFromJsonAsync<JsonObject>();
        body!["email"]!.GetValue<string>().Should().Be(email);
        body["role"]!.GetValue<string>().Should().Be("User");
        (await client.GetAsync("/api/tokens")).StatusCode.Should().Be(HttpStatusCode.OK);
        (await client.GetAsync("/api/jobs")).StatusCode.Should().Be(HttpStatusCode.OK);
    }

    [Fact]
    public async Task Login_WrongPasswordAndUnknownEmail_Are401WithTheSameDetailAndNoCookie()
    {
        var email = await NewUserAsync();
        var client = CookieClient();

        var wrong = await client.PostAsJsonAsync("/api/account/login", new { email, password = "Wrong-Pass-1234!" });
        var unknown = await client.PostAsJsonAsync("/api/account/login", new { email = $"nobody-{Guid.NewGuid():N}@studio.test", password = Password });

        wrong.StatusCode.Should().Be(HttpStatusCode.Unauthorized);
        unknown.StatusCode.Should().Be(HttpStatusCode.Unauthorized);
        var wrongDetail = (await wrong.Content.ReadFromJsonAsync<JsonObject>())!["detail"]!.GetValue<string>();
        var unknownDetail = (await unknown.Content.ReadFromJsonAsync<JsonObject>())!["detail"]!.GetValue<string>();
        wrongDetail.Should().Be(unknownDetail).And.Be("The e-mail and password do not match an account.");
        wrong.Headers.Contains("Set-Cookie").Should().BeFalse();
        (await client.GetAsync("/api/tokens")).StatusCode.Should().Be(HttpStatusCode.Unauthorized);
    }

    [Theory]
    [InlineData("""{"password":"Another-Pass-1234!"}""", "email")]
    [InlineData("""{"email":"a@studio.test"}""", "password")]
    [InlineData("""{"email":"  ","password":""}""", "email")]
    public async Task Login_MissingField_Is400NamingIt(string body, string field)
    {
        var response = await CookieClient().PostAsync("/api/account/login", new StringContent(body, System.Text.Encoding.UTF8, "application/json"));

        (await UsersApiTests.ValidationErrorsAsync(response, field)).Should().NotBeEmpty();
    }

    [Fact]
    public async Task Login_FiveFailures_LocksTheAccountEvenForTheRightPassword()
    {
        var email = await NewUserAsync();
        var client = CookieClient();
        for (var i = 0; i < 4; i++)
        {
            (await LoginAsync(client, email, "Wrong-Pass-1234!")).StatusCode.Should().Be(HttpStatusCode.Unauthorized, $"failure {i + 1} of 5 only counts");
        }

        var fifth = await LoginAsync(client, email, "Wrong-Pass-1234!");
        var right = await LoginAsync(client, email, Password);

        fifth.StatusCode.Should().Be(HttpStatusCode.TooManyRequests);
        right.StatusCode.Should().Be(HttpStatusCode.TooManyRequests);
        right.Headers.RetryAfter!.Delta.Should().Be(TimeSpan.FromMinutes(5), "the clock has not moved since the lockout began");
        var detail = (await right.Content.ReadFromJsonAsync<JsonObject>())!["detail"]!.GetValue<string>();
        detail.Should().Contain("locked").And.Contain("5 minutes");
        right.Headers.Contains("Set-Cookie").Should().BeFalse();
        (await client.GetAsync("/api/tokens")).StatusCode.Should().Be(HttpStatusCode.Unauthorized);
        var listed = await AdminListAsync();
        listed.Single(u => u["email"]!.GetValue<string>() == email)["lockedOut"]!.GetValue<bool>().Should().BeTrue();
    }

    [Fact]
    public async Task Login_LockoutEndsAfterFiveMinutesOnTheAppsClock()
    {
        var email = await NewUserAsync();
        var client = CookieClient();
        for (var i = 0; i < 5; i++)
        {
            await LoginAsync(client, email, "Wrong-Pass-1234!");
        }

        var lockedEnd = await LockoutEndAsync(email);
        lockedEnd!.Value.Should().BeCloseTo(factory.Clock.GetUtcNow() + TimeSpan.FromMinutes(5), TimeSpan.FromMilliseconds(1), "the lockout is measured on the app's clock (stored to 0.1 ms)");

        factory.Clock.Advance(TimeSpan.FromMinutes(5) - TimeSpan.FromSeconds(1));
        var stillLocked = await LoginAsync(client, email, Password);
        factory.Clock.Advance(TimeSpan.FromSeconds(2));
        var unlocked = await LoginAsync(client, email, Password);

        stillLocked.StatusCode.Should().Be(HttpStatusCode.TooManyRequests);
        stillLocked.Headers.RetryAfter!.Delta.Should().Be(TimeSpan.FromSeconds(1));
        unlocked.StatusCode.Should().Be(HttpStatusCode.OK);
        (await client.GetAsync("/api/tokens")).StatusCode.Should().Be(HttpStatusCode.OK);
    }

    [Fact]
    public async Task Login_SuccessResetsTheFailureCount()
    {
        var email = await NewUserAsync();
        var client = CookieClient();
        for (var i = 0; i < 4; i++)
        {
            await LoginAsync(client, email, "Wrong-Pass-1234!");
        }

        (await LoginAsync(client, email, Password)).StatusCode.Should().Be(HttpStatusCode.OK);
        var afterReset = await LoginAsync(client, email, "Wrong-Pass-1234!");

        afterReset.StatusCode.Should().Be(HttpStatusCode.Unauthorized, "four failures, a success, then one failure is not five in a row");
    }

    [Fact]
    public async Task SignInPage_FailuresCountTowardsTheLockout()
    {
        var email = await NewUserAsync();
        var browser = CookieClient();
        for (var i = 0; i < 5; i++)
        {
            var page = await browser.GetStringAsync("/account/login");
            var antiforgery = AntiforgeryField().Match(page);
            antiforgery.Success.Should().BeTrue("the sign-in form carries an antiforgery token");
            var posted = await browser.PostAsync("/account/login", new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["_handler"] = "login",
                ["__RequestVerificationToken"] = WebUtility.HtmlDecode(antiforgery.Groups[1].Value),
                ["Input.Email"] = email,
                ["Input.Password"] = "Wrong-Pass-1234!",
            }));
            var html = await posted.Content.ReadAsStringAsync();
            html.Should().Contain(i < 4 ? "do not match an account" : "locked", $"attempt {i + 1} on the page");
        }

        (await LoginAsync(CookieClient(), email, Password)).StatusCode.Should().Be(HttpStatusCode.TooManyRequests);
    }

    [Fact]
    public async Task Login_UnknownEmail_IsLockedExactlyLikeARealAccount_SoTheAnswersTellNothing()
    {
        var real = await NewUserAsync();
        var unknown = $"nobody-{Guid.NewGuid():N}@studio.test";
        var client = CookieClient();

        async Task<(HttpStatusCode Status, string Detail, TimeSpan? RetryAfter)> AnswerAsync(string email)
        {
            var response = await LoginAsync(client, email, "Wrong-Pass-1234!");
            var detail = (await response.Content.ReadFromJsonAsync<JsonObject>())!["detail"]!.GetValue<string>();
            return (response.StatusCode, detail, response.Headers.RetryAfter?.Delta);
        }

        for (var i = 0; i < 6; i++)
        {
            var forReal = await AnswerAsync(real);
            var forUnknown = await AnswerAsync(unknown);
            forUnknown.Should().Be(forReal, $"attempt {i + 1}: a stranger must not learn whether {unknown} has an account");
        }

        (await AnswerAsync(unknown)).Status.Should().Be(HttpStatusCode.TooManyRequests, "after five failures an unknown e-mail reads as locked too");
        factory.Clock.Advance(TimeSpan.FromMinutes(5));
        (await AnswerAsync(unknown)).Status.Should().Be(HttpStatusCode.Unauthorized, "its lockout ends like a real one");
    }

    [Fact]
    public async Task SignInPage_UnknownEmail_ReadsLockedAfterFiveFailuresLikeARealAccount()
    {
        var unknown = $"nobody-{Guid.NewGuid():N}@studio.test";
        var browser = CookieClient();
        for (var i = 0; i < 5; i++)
        {
            var page = await browser.GetStringAsync("/account/login");
            var antiforgery = AntiforgeryField().Match(page);
            var posted = await browser.PostAsync("/account/login", new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["_handler"] = "login",
                ["__RequestVerificationToken"] = WebUtility.HtmlDecode(antiforgery.Groups[1].Value),
                ["Input.Email"] = unknown,
                ["Input.Password"] = "Wrong-Pass-1234!",
            }));
            (await posted.Content.ReadAsStringAsync()).Should().Contain(i < 4 ? "do not match an account" : "locked", $"attempt {i + 1} on the page");
        }
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" value=\"([^\"]+)\"")]
    private static partial Regex AntiforgeryField();

    private static Task<HttpResponseMessage> LoginAsync(HttpClient client, string email, string password) =>
        client.PostAsJsonAsync("/api/account/login", new { email, password });

    private HttpClient CookieClient() => factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });

    [Fact]
    public async Task Login_FiveFailures_DoNotStopTheUsersApiTokens()
    {
        var email = $"user-{Guid.NewGuid():N}@studio.test";
        var token = await factory.CreateUserWithTokenAsync(email);
        var client = CookieClient();
        for (var i = 0; i < 5; i++)
        {
            await LoginAsync(client, email, "Wrong-Pass-1234!");
        }

        using var scripts = factory.CreateApiClient(token);

        (await LoginAsync(client, email, Password)).StatusCode.Should().Be(HttpStatusCode.TooManyRequests, "the password is locked");
        (await scripts.GetAsync("/api/jobs")).StatusCode.Should().Be(HttpStatusCode.OK, "someone guessing the password must not stop the user's scripts");
    }

    private async Task<string> NewUserAsync()
    {
        var email = $"user-{Guid.NewGuid():N}@studio.test";
        await factory.CreateUserWithTokenAsync(email);
        return email;
    }

    private async Task<DateTimeOffset?> LockoutEndAsync(string email)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<StudioUser>>();
        return (await users.FindByEmailAsync(email))!.LockoutEnd;
    }

    private async Task<IReadOnlyList<JsonObject>> AdminListAsync()
    {
        var response = await factory.CreateApiClient().GetAsync("/api/users");
        response.StatusCode.Should().Be(HttpStatusCode.OK);
        return (await response.Content.ReadFromJsonAsync<JsonArray>())!.Select(u => u!.AsObject()).ToList();
    }
}
