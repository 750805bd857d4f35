using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;

namespace Studio.Tests.Api;

/// <summary><c>GET /api/providers</c> and <c>/api/providers/health</c> with every hosted key set: configured, and no key ever sent back.</summary>
public sealed class HostedProvidersApiTests(HostedAppFactory factory) : IClassFixture<HostedAppFactory>
{
    private readonly HttpClient _admin = factory.CreateApiClient();

    [Fact]
    public async Task ListProviders_WithKeys_EveryHostedProviderIsConfigured()
    {
        var providers = (await _admin.GetFromJsonAsync<JsonArray>("/api/providers"))!;

        var configured = providers.ToDictionary(p => p!["name"]!.GetValue<string>(), p => p!["configured"]!.GetValue<bool>());
        configured.Should().HaveCount(8);
        configured.Should().AllSatisfy(p => p.Value.Should().BeTrue(p.Key));
        configured["luma"].Should().BeTrue();
    }

    [Fact]
    public async Task ProvidersAndHealth_WithPlantedKeys_NeverContainAnyOfThem()
    {
        var (_, user) = await factory.CreateUserAsync("secrets");

        var bodies = new[]
        {
            await ReadOkAsync(_admin, "/api/providers"),
            await ReadOkAsync(user, "/api/providers"),
            await ReadOkAsync(_admin, "/api/providers/health"),
        };

        bodies.Should().AllSatisfy(body =>
        {
            body.Should().Contain("\"luma\"", "the body is the provider list, not an error");
            foreach (var key in HostedAppFactory.PlantedKeys)
            {
                body.Should().NotContain(key);
            }

            body.Should().NotContain("9f3c2a71d4e8b605", "not even a masked key shows its distinctive tail");
        });
    }

    [Fact]
    public async Task ListHealth_WithKeys_EveryHostedProviderIsConfiguredAndUncalled()
    {
        var health = (await _admin.GetFromJsonAsync<JsonArray>("/api/providers/health"))!;

        var hosted = health.Where(h => h!["name"]!.GetValue<string>() is not ("local" or "sim")).Select(h => h!.AsObject()).ToList();
        hosted.Select(h => h["name"]!.GetValue<string>()).Should().BeEquivalentTo(HostedAppFactory.HostedProviders.Select(p => p.ToLowerInvariant()));
        hosted.Should().AllSatisfy(h =>
        {
            h["configured"]!.GetValue<bool>().Should().BeTrue();
            h["recentCalls"]!.GetValue<int>().Should().Be(0, "listing and estimating call no vendor");
        });
    }

    private static async Task<string> ReadOkAsync(HttpClient client, string path)
    {
        var response = await client.GetAsync(path);
        response.StatusCode.Should().Be(HttpStatusCode.OK, path);
        return await response.Content.ReadAsStringAsync();
    }
}
