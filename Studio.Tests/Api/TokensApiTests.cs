using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Studio.Core.Accounts;
using Studio.Core.Persistence;

namespace Studio.Tests.Api;

/// <summary>
/// <c>POST/GET /api/tokens</c> and <c>DELETE /api/tokens/{id}</c>: the token is shown once and works as a bearer
/// token, only its hash is stored, lists never show it, a revoked token fails on the very next request, and another
/// user's token answers 404 exactly like a missing one.
/// </summary>
public sealed class TokensApiTests(StudioAppFactory factory) : IClassFixture<StudioAppFactory>
{
    [Fact]
    public async Task CreateToken_Is201AndTheTokenWorksAsBearer()
    {
        var (_, client) = await factory.CreateUserAsync("tina");

        var response = await client.PostAsJsonAsync("/api/tokens", new { name = "CI pipeline" });

        response.StatusCode.Should().Be(HttpStatusCode.Created);
        var created = await response.Content.ReadFromJsonAsync<JsonObject>();
        var token = created!["token"]!.GetValue<string>();
        token.Should().StartWith("studio_").And.HaveLength(50);
        created["name"]!.GetValue<string>().Should().Be("CI pipeline");
        var id = created["id"]!.GetValue<Guid>();
        response.Headers.Location!.ToString().Should().Be($"/api/tokens/{id}");
        var viaToken = factory.CreateApiClient(token);
        var list = await ListAsync(viaToken);
        list.Select(t => t["id"]!.GetValue<Guid>()).Should().Contain(id, "the new token signs in as the same user");
    }

    [Fact]
    public async Task CreateToken_StoresOnlyItsHash()
    {
        var (_, client) = await factory.CreateUserAsync("hash");

        var (id, token) = await CreateAsync(client, "stored");

        await using var db = await factory.Services.GetRequiredService<IDbContextFactory<StudioDbContext>>().CreateDbContextAsync();
        var row = await db.ApiTokens.AsNoTracking().SingleAsync(t => t.Id == id);
        row.TokenHash.Should().NotBe(token).And.Be(ApiTokenHasher.Hash(token)).And.HaveLength(64);
        (await db.ApiTokens.AnyAsync(t => t.TokenHash == token || t.Name == token)).Should().BeFalse();
    }

    [Fact]
    public async Task ListTokens_ShowsMineWithoutTheTokenOrItsHash()
    {
        var (_, client) = await factory.CreateUserAsync("lister");
        var (_, other) = await factory.CreateUserAsync("other");
        var (id, token) = await CreateAsync(client, "laptop");
        var (otherId, _) = await CreateAsync(other, "not yours");

        var list = await ListAsync(client);

        var mine = list.Single(t => t["id"]!.GetValue<Guid>() == id);
        mine.Select(p => p.Key).Should().BeEquivalentTo("id", "name", "createdAt", "lastUsedAt");
        mine["name"]!.GetValue<string>().Should().Be("laptop");
        var json = new JsonArray(list.Select(t => (JsonNode)t.DeepClone()).ToArray()).ToJsonString();
        json.Should().NotContain(token).And.NotContain(ApiTokenHasher.Hash(token));
        list.Select(t => t["id"]!.GetValue<Guid>()).Should().NotContain(otherId);
    }

    [Fact]
    public async Task ListTokens_AfterATokenIsUsed_ShowsWhenItWasLastUsed()
    {
        var (_, client) = await factory.CreateUserAsync("user");
        var (id, token) = await CreateAsync(client, "script");
        var before = (await ListAsync(client)).Single(t => t["id"]!.GetValue<Guid>() == id);

        var after = (await ListAsync(factory.CreateApiClient(token))).Single(t => t["id"]!.GetValue<Guid>() == id);

        before["lastUsedAt"].Should().BeNull("it has not been used yet");
        after["lastUsedAt"]!.GetValue<DateTimeOffset>().Should().BeOnOrAfter(before["createdAt"]!.GetValue<DateTimeOffset>());
    }

    [Fact]
    public async Task RevokeToken_ItFailsOnTheVeryNextRequest()
    {
        var (_, client) = await factory.CreateUserAsync("revoker");
        var (id, token) = await CreateAsync(client, "to revoke");
        var viaToken = factory.CreateApiClient(token);
        (await viaToken.GetAsync("/api/tokens")).StatusCode.Should().Be(HttpStatusCode.OK, "it works before it is revoked");

        var revoke = await viaToken.DeleteAsync($"/api/tokens/{id}");
        var next = await viaToken.GetAsync("/api/tokens");

        revoke.StatusCode.Should().Be(HttpStatusCode.NoContent);
        next.StatusCode.Should().Be(HttpStatusCode.Unauthorized);
        (await ListAsync(client)).Select(t => t["id"]!.GetValue<Guid>()).Should().NotContain(id);
        (await client.DeleteAsync($"/api/tokens/{id}")).StatusCode.Should().Be(HttpStatusCode.NotFound, "a revoked token is gone");
    }

    [Fact]
    public async Task RevokeToken_AnotherUsersToken_Is404LikeAMissingOneAndKeepsWorking()
    {
        var (_, owner) = await factory.CreateUserAsync("owner");
        var (_, intruder) = await factory.CreateUserAsync("intruder");
        var (id, token) = await CreateAsync(owner, "mine");

        var theirs = await intruder.DeleteAsync($"/api/tokens/{id}");
        var missing = await intruder.DeleteAsync($"/api/tokens/{Guid.NewGuid()}");

        theirs.StatusCode.Should().Be(HttpStatusCode.NotFound);
        missing.StatusCode.Should().Be(HttpStatusCode.NotFound);
        (await ComparableAsync(theirs)).Should().Be(await ComparableAsync(missing), "another user's token is answered exactly like a missing one");
        (await factory.CreateApiClient(token).GetAsync("/api/tokens")).StatusCode.Should().Be(HttpStatusCode.OK);
    }

    [Theory]
    [InlineData("""{"name":""}""")]
    [InlineData("""{"name":"   \t\n  "}""")]
    [InlineData("""{}""")]
    public async Task CreateToken_NoName_Is400NamingNameAndStoresNothing(string body)
    {
        var (userId, client) = await factory.CreateUserAsync("noname");

        var response = await client.PostAsync("/api/tokens", new StringContent(body, System.Text.Encoding.UTF8, "application/json"));

        (await UsersApiTests.ValidationErrorsAsync(response, "name")).Single().Should().Contain("name");
        (await CountTokensAsync(userId)).Should().Be(1, "only the fixture's own token");
    }

    [Fact]
    public async Task CreateToken_NameTooLong_Is400NamingNameAndStoresNothing()
    {
        var (userId, client) = await factory.CreateUserAsync("longname");

        var response = await client.PostAsJsonAsync("/api/tokens", new { name = new string('n', 101) });

        (await UsersApiTests.ValidationErrorsAsync(response, "name")).Single().Should().Contain("at most 100");
        (await CountTokensAsync(userId)).Should().Be(1);
    }

    [Fact]
    public async Task CreateToken_NameWithControlCharacters_IsStoredCleaned()
    {
        var (_, client) = await factory.CreateUserAsync("cleaner");

        var response = await client.PostAsJsonAsync("/api/tokens", new { name = "  build\tbot\u0007\u001b[31m  " });

        response.StatusCode.Should().Be(HttpStatusCode.Created);
        (await response.Content.ReadFromJsonAsync<JsonObject>())!["name"]!.GetValue<string>().Should().Be("build bot[31m");
    }

    [Fact]
    public async Task CreateToken_PastTheLimit_Is409AndStoresNothing()
    {
        var (userId, client) = await factory.CreateUserAsync("hoarder");
        for (var i = 2; i <= 20; i++)
        {
            (await client.PostAsJsonAsync("/api/tokens", new { name = $"t{i}" })).StatusCode.Should().Be(HttpStatusCode.Created);
        }

        var response = await client.PostAsJsonAsync("/api/tokens", new { name = "one too many" });

        response.StatusCode.Should().Be(HttpStatusCode.Conflict);
        (await response.Content.ReadFromJsonAsync<JsonObject>())!["detail"]!.GetValue<string>().Should().Contain("20").And.Contain("revoke");
        (await CountTokensAsync(userId)).Should().Be(20);
    }

    [Fact]
    public async Task TokensRoutes_Anonymous_Are401()
    {
        var anonymous = factory.CreateClient();

        (await anonymous.GetAsync("/api/tokens")).StatusCode.Should().Be(HttpStatusCode.Unauthorized);
        (await anonymous.PostAsJsonAsync("/api/tokens", new { name = "x" })).StatusCode.Should().Be(HttpStatusCode.Unauthorized);
        (await anonymous.DeleteAsync($"/api/tokens/{Guid.NewGuid()}")).StatusCode.Should().Be(HttpStatusCode.Unauthorized);
    }

    private static async Task<(Guid Id, string Token)> CreateAsync(HttpClient client, string name)
    {
        var response = await client.PostAsJsonAsync("/api/tokens", new { name });
        response.StatusCode.Should().Be(HttpStatusCode.Created);
        var created = await response.Content.ReadFromJsonAsync<JsonObject>();
        return (created!["id"]!.GetValue<Guid>(), created["token"]!.GetValue<string>());
    }

    /// <summary>A 404's body without what differs on every request (trace id).</summary>
    private static async Task<string> ComparableAsync(HttpResponseMessage response)
    {
        var body = await response.Content.ReadAsStringAsync();
        if (body.Length == 0)
        {
            return string.Empty;
        }

        var problem = JsonNode.Parse(body)!.AsObject();
        problem.Remove("traceId");
        return $"{response.Content.Headers.ContentType} {problem.ToJsonString()}";
    }

    private static async Task<IReadOnlyList<JsonObject>> ListAsync(HttpClient client)
    {
        var response = await client.GetAsync("/api/tokens");
        response.StatusCode.Should().Be(HttpStatusCode.OK);
        return (await response.Content.ReadFromJsonAsync<JsonArray>())!.Select(t => t!.AsObject()).ToList();
    }

    private async Task<int> CountTokensAsync(string userId)
    {
        await using var db = await factory.Services.GetRequiredService<IDbContextFactory<StudioDbContext>>().CreateDbContextAsync();
        return await db.ApiTokens.CountAsync(t => t.UserId == userId && t.RevokedAt == null);
    }
}
