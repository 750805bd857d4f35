using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Studio.Core.Accounts;

namespace Studio.Tests.Api;

/// <summary>
/// <c>POST /api/users</c> and <c>GET /api/users</c>: admins only, Identity's password rules as a 400 naming
/// <c>password</c>, a taken e-mail as a 409 naming <c>email</c>, and a refused user is never stored.
/// </summary>
public sealed class UsersApiTests(StudioAppFactory factory) : IClassFixture<StudioAppFactory>
{
    private const string GoodPassword = "Good-Pass-2024!";
    private readonly HttpClient _admin = factory.CreateApiClient();

    [Fact]
    public async Task CreateUser_AsAdmin_Is201AndTheUserCanSignIn()
    {
        var email = NewEmail("carol");

        var response = await _admin.PostAsJsonAsync("/api/users", new { email, password = GoodPassword, role = "User" });

        response.StatusCode.Should().Be(HttpStatusCode.Created);
        var body = await response.Content.ReadFromJsonAsync<JsonObject>();
        body!["email"]!.GetValue<string>().Should().Be(email);
        body["role"]!.GetValue<string>().Should().Be("User");
        var id = body["id"]!.GetValue<string>();
        response.Headers.Location!.ToString().Should().Be($"/api/users/{id}");
        body.ToJsonString().Should().NotContain(GoodPassword);
        var listed = (await ListAsync()).Single(u => u["id"]!.GetValue<string>() == id);
        listed["role"]!.GetValue<string>().Should().Be("User");
        listed["lockedOut"]!.GetValue<bool>().Should().BeFalse();
        listed["createdAt"]!.GetValue<DateTimeOffset>().Should().BeAfter(DateTimeOffset.UtcNow.AddHours(-1));
        var login = await factory.CreateClient().PostAsJsonAsync("/api/account/login", new { email, password = GoodPassword });
        login.StatusCode.Should().Be(HttpStatusCode.OK);
    }

    [Fact]
    public async Task CreateUser_AdminRole_MakesAnAdminWhoMayListUsers()
    {
        var email = NewEmail("dana");

        var response = await _admin.PostAsJsonAsync("/api/users", new { email, password = GoodPassword, role = "admin" });

        response.StatusCode.Should().Be(HttpStatusCode.Created);
        (await response.Content.ReadFromJsonAsync<JsonObject>())!["role"]!.GetValue<string>().Should().Be("Admin");
        var client = factory.CreateClient();
        (await client.PostAsJsonAsync("/api/account/login", new { email, password = GoodPassword })).StatusCode.Should().Be(HttpStatusCode.OK);
        (await client.GetAsync("/api/users")).StatusCode.Should().Be(HttpStatusCode.OK);
    }

    [Theory]
    [InlineData("short1!A", "PasswordTooShort")]
    [InlineData("nouppercase-123", "uppercase")]
    [InlineData("NoDigitsHere-abc", "digit")]
    [InlineData("NoSymbols12345", "non alphanumeric")]
    public async Task CreateUser_WeakPassword_Is400NamingPasswordWithIdentitysMessageAndStoresNothing(string password, string hint)
    {
        var email = NewEmail("weak");

        var response = await _admin.PostAsJsonAsync("/api/users", new { email, password, role = "User" });

        var errors = await ValidationErrorsAsync(response, "password");
        if (hint == "PasswordTooShort")
        {
            errors.Should().Contain(e => e.Contains("at least 10 characters", StringComparison.Ordinal));
        }
        else
        {
            errors.Should().Contain(e => e.Contains(hint, StringComparison.OrdinalIgnoreCase));
        }

        await AssertNoUserAsync(email);
    }

    [Fact]
    public async Task CreateUser_DuplicateEmailInAnotherCase_Is409NamingEmail()
    {
        var email = NewEmail("erin");
        (await _admin.PostAsJsonAsync("/api/users", new { email, password = GoodPassword })).StatusCode.Should().Be(HttpStatusCode.Created);

        var response = await _admin.PostAsJsonAsync("/api/users", new { email = email.ToUpperInvariant(), password = GoodPassword + "x", role = "Admin" });

        response.StatusCode.Should().Be(HttpStatusCode.Conflict);
        var problem = await response.Content.ReadFromJsonAsync<JsonObject>();
        problem!["errors"]!["email"]![0]!.GetValue<string>().Should().Contain("already exists");
        problem["detail"]!.GetValue<string>().Should().Contain("already exists");
        (await ListAsync()).Count(u => string.Equals(u["email"]!.GetValue<string>(), email, StringComparison.OrdinalIgnoreCase)).Should().Be(1);
    }

    [Fact]
    public async Task CreateUser_SameEmailTwiceAtOnce_OneIs201TheOther409()
    {
        var email = NewEmail("twin");

        var responses = await Task.WhenAll(
            _admin.PostAsJsonAsync("/api/users", new { email, password = GoodPassword }),
            _admin.PostAsJsonAsync("/api/users", new { email, password = GoodPassword }));

        responses.Select(r => r.StatusCode).Should().BeEquivalentTo([HttpStatusCode.Created, HttpStatusCode.Conflict]);
        (await ListAsync()).Count(u => u["email"]!.GetValue<string>() == email).Should().Be(1);
    }

    [Theory]
    [InlineData("Owner")]
    [InlineData("Admins")]
    [InlineData("Admin\u0000")]
    public async Task CreateUser_UnknownRole_Is400NamingRoleAndStoresNothing(string role)
    {
        var email = NewEmail("role");

        var response = await _admin.PostAsJsonAsync("/api/users", new { email, password = GoodPassword, role });

        (await ValidationErrorsAsync(response, "role")).Single().Should().Contain("User or Admin");
        await AssertNoUserAsync(email);
    }

    [Theory]
    [InlineData("")]
    [InlineData("not-an-email")]
    [InlineData("a@b.c\u0007")]
    public async Task CreateUser_BadEmail_Is400NamingEmail(string email)
    {
        var response = await _admin.PostAsJsonAsync("/api/users", new { email, password = GoodPassword });

        (await ValidationErrorsAsync(response, "email")).Should().NotBeEmpty();
    }

    [Fact]
    public async Task CreateUser_EmailTooLong_Is400NamingEmailAndStoresNothing()
    {
        var email = new string('a', 250) + "@studio.test";

        var response = await _admin.PostAsJsonAsync("/api/users", new { email, password = GoodPassword });

        (await ValidationErrorsAsync(response, "email")).Single().Should().Contain("256");
        await AssertNoUserAsync(email);
    }

    [Fact]
    public async Task UsersRoutes_AsOrdinaryUser_Are403AndCreateNobody()
    {
        var (_, user) = await factory.CreateUserAsync("mallory");
        var email = NewEmail("sneaky");

        var create = await user.PostAsJsonAsync("/api/users", new { email, password = GoodPassword, role = "Admin" });
        var list = await user.GetAsync("/api/users");

        create.StatusCode.Should().Be(HttpStatusCode.Forbidden);
        list.StatusCode.Should().Be(HttpStatusCode.Forbidden);
        await AssertNoUserAsync(email);
    }

    [Fact]
    public async Task UsersRoutes_Anonymous_Are401()
    {
        var anonymous = factory.CreateClient();

        (await anonymous.GetAsync("/api/users")).StatusCode.Should().Be(HttpStatusCode.Unauthorized);
        (await anonymous.PostAsJsonAsync("/api/users", new { email = NewEmail("anon"), password = GoodPassword })).StatusCode.Should().Be(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task ListUsers_AsAdmin_ShowsTheBootstrapAdminAsAdminAndNoSecrets()
    {
        var users = await ListAsync();

        var admin = users.Single(u => u["email"]!.GetValue<string>() == StudioAppFactory.AdminEmail);
        admin["role"]!.GetValue<string>().Should().Be("Admin");
        admin.Select(p => p.Key).Should().BeEquivalentTo("id", "email", "role", "lockedOut", "createdAt");
    }

    internal static async Task<IReadOnlyList<string>> ValidationErrorsAsync(HttpResponseMessage response, string field)
    {
        response.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        response.Content.Headers.ContentType!.MediaType.Should().Be("application/problem+json");
        var problem = await response.Content.ReadFromJsonAsync<JsonObject>();
        problem!["errors"]!.AsObject().Select(e => e.Key).Should().Contain(field);
        return problem["errors"]![field]!.AsArray().Select(m => m!.GetValue<string>()).ToList();
    }

    private static string NewEmail(string prefix) => $"{prefix}-{Guid.NewGuid():N}@studio.test";

    private async Task<IReadOnlyList<JsonObject>> ListAsync()
    {
        var response = await _admin.GetAsync("/api/users");
        response.StatusCode.Should().Be(HttpStatusCode.OK);
        return (await response.Content.ReadFromJsonAsync<JsonArray>())!.Select(u => u!.AsObject()).ToList();
    }

    private async Task AssertNoUserAsync(string email)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<StudioUser>>();
        (await users.FindByEmailAsync(email)).Should().BeNull();
    }
}
