using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using Studio.Core.Events;
using Studio.Core.Jobs;

namespace Studio.Tests.Api;

/// <summary>
/// <c>GET /api/providers</c> and <c>/api/providers/health</c> on a server without any hosted key, and what choosing an
/// unconfigured provider answers.
/// </summary>
public sealed class ProvidersApiTests(StudioAppFactory factory) : IClassFixture<StudioAppFactory>
{
    private static readonly string[] Hosted = ["luma", "runway", "pika", "stability", "sora", "veo"];
    private static readonly string[] HealthFields =
        ["name", "displayName", "configured", "notice", "circuit", "recentCalls", "recentErrorRate", "averageLatencyMs", "lastError", "lastErrorAt", "averageGenerationSeconds"];

    private static readonly string[] UnconfiguredFallback = ["runway"];

    private readonly HttpClient _admin = factory.CreateApiClient();

    [Fact]
    public async Task ListProviders_WithoutKeys_ListsAllEightAndOnlyLocalAndSimAreConfigured()
    {
        var providers = await ProvidersAsync();

        providers.Keys.Should().BeEquivalentTo(["local", "sim", .. Hosted]);
        providers["local"]["configured"]!.GetValue<bool>().Should().BeTrue();
        providers["sim"]["configured"]!.GetValue<bool>().Should().BeTrue();
        Hosted.Should().AllSatisfy(name => providers[name]["configured"]!.GetValue<bool>().Should().BeFalse(name));
        providers.Values.Should().AllSatisfy(p => p["displayName"]!.GetValue<string>().Should().NotBeNullOrWhiteSpace());
    }

    [Fact]
    public async Task ListProviders_Capabilities_AreEachProvidersOwn()
    {
        var providers = await ProvidersAsync();

        Numbers(providers["sora"]["capabilities"]!["clipSeconds"]).Should().Equal(4, 8, 12);
        Numbers(providers["luma"]["capabilities"]!["clipSeconds"]).Should().Equal(5, 9);
        Numbers(providers["veo"]["capabilities"]!["clipSeconds"]).Should().Equal(4, 6, 8);
        Strings(providers["stability"]["capabilities"]!["modes"]).Should().Equal("ImageToVideo");
        Strings(providers["veo"]["capabilities"]!["aspectRatios"]).Should().BeEquivalentTo("16:9", "9:16");
        Strings(providers["sora"]["capabilities"]!["aspectRatios"]).Should().BeEquivalentTo("16:9", "9:16");
        Strings(providers["runway"]["capabilities"]!["modes"]).Should().BeEquivalentTo("TextToVideo", "ImageToVideo", "VideoToVideo");
        providers["runway"]["capabilities"]!["refundsFailures"]!.GetValue<bool>().Should().BeTrue();
        providers["luma"]["capabilities"]!["inputsByLink"]!.GetValue<bool>().Should().BeTrue("Luma fetches its keyframes by URL");
        Strings(providers["stability"]["capabilities"]!["imageSizes"]).Should().NotBeEmpty();
        providers.Values.Should().AllSatisfy(p => p["capabilities"]!["maxPromptLength"]!.GetValue<int>().Should().BePositive());
    }

    [Fact]
    public async Task ListProviders_Prices_ArePresentForEveryProviderAndItsDefaultModel()
    {
        var providers = await ProvidersAsync();

        providers.Where(p => p.Key != "local").Should().AllSatisfy(p => p.Value["prices"]!.AsObject().Should().NotBeEmpty(p.Key));
        providers["luma"]["prices"]!["ray-2"]!["perSecondUsd"]!.GetValue<decimal>().Should().Be(0.03m);
        providers["runway"]["prices"]!["gen4_turbo"]!["perSecondUsd"]!.GetValue<decimal>().Should().Be(0.05m);
        providers["pika"]["prices"]!["fal-ai/pika/v2.2"]!["perSecondUsd"]!.GetValue<decimal>().Should().Be(0.03m);
        providers["pika"]["prices"]!["fal-ai/pika/v2.2"]!["resolutions"]!["1080p"]!["perSecondUsd"]!.GetValue<decimal>().Should().Be(0.09m);
        providers["stability"]["prices"]!["stable-video-diffusion"]!["perClipUsd"]!.GetValue<decimal>().Should().Be(0.075m);
        providers["sora"]["prices"]!["sora-2"]!["perSecondUsd"]!.GetValue<decimal>().Should().Be(0.10m);
        providers["veo"]["prices"]!["veo-3.1-generate-preview"]!["perSecondUsd"]!.GetValue<decimal>().Should().Be(0.40m);
    }

    [Fact]
    public async Task ListHealth_AsNonAdmin_Is403()
    {
        var (_, user) = await factory.CreateUserAsync("health");

        var response = await user.GetAsync("/api/providers/health");

        response.StatusCode.Should().Be(HttpStatusCode.Forbidden);
        (await user.GetAsync("/api/providers")).StatusCode.Should().Be(HttpStatusCode.OK, "every signed-in user may see the providers");
    }

    [Fact]
    public async Task ListHealth_AsAdmin_HasOneEntryPerProviderWithEveryDocumentedField()
    {
        var response = await _admin.GetAsync("/api/providers/health");

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        var health = (await response.Content.ReadFromJsonAsync<JsonArray>())!.Select(h => h!.AsObject()).ToList();
        health.Select(h => h["name"]!.GetValue<string>()).Should().BeEquivalentTo(["local", "sim", .. Hosted]).And.OnlyHaveUniqueItems();
        health.Should().AllSatisfy(h => h.Select(p => p.Key).Should().Contain(HealthFields));
        var luma = health.Single(h => h["name"]!.GetValue<string>() == "luma");
        luma["configured"]!.GetValue<bool>().Should().BeFalse();
        luma["recentCalls"]!.GetValue<int>().Should().Be(0, "nothing was ever sent to Luma");
        luma["circuit"]!.GetValue<string>().Should().NotBeNullOrWhiteSpace();
    }

    [Fact]
    public async Task ListHealth_AfterASimJobRan_SimShowsRecentCalls()
    {
        await factory.EnsureTinyTemplateAsync();
        var created = await _admin.PostAsJsonAsync("/api/jobs", new { title = "Sim", theme = "Health after a sim job", template = StudioAppFactory.TinyTemplate, provider = "sim" });
        created.StatusCode.Should().Be(HttpStatusCode.Created);
        var id = (await created.Content.ReadFromJsonAsync<JsonObject>())!["id"]!.GetValue<Guid>();
        var finished = factory.Services.GetRequiredService<IJobEvents>().WaitUntilFinishedAsync(id, TimeSpan.FromMinutes(3));
        (await _admin.PostAsync($"/api/jobs/{id}/start", null)).StatusCode.Should().Be(HttpStatusCode.Accepted);
        (await finished).Should().Be(JobStatus.Completed);

        var health = await _admin.GetFromJsonAsync<JsonArray>("/api/providers/health");

        var sim = health!.Single(h => h!["name"]!.GetValue<string>() == "sim")!;
        sim["recentCalls"]!.GetValue<int>().Should().BePositive();
        sim["configured"]!.GetValue<bool>().Should().BeTrue();
        sim["averageLatencyMs"]!.GetValue<double>().Should().BeGreaterThanOrEqualTo(0);
    }

    [Theory]
    [InlineData("/api/jobs")]
    [InlineData("/api/jobs/estimate")]
    public async Task CreateOrEstimate_UnconfiguredProvider_Is400NamingItAndItsSettingAndStoresNothing(string route)
    {
        var before = await CountJobsAsync();

        var response = await _admin.PostAsJsonAsync(route, new { theme = "Hosted without a key", template = "Reels 30s Standard", provider = "luma" });

        response.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        var message = (await response.Content.ReadFromJsonAsync<JsonObject>())!["errors"]!["provider"]![0]!.GetValue<string>();
        message.Should().Contain("Luma").And.Contain("Studio:Providers:Luma:ApiKey").And.Contain("not configured");
        (await CountJobsAsync()).Should().Be(before);
    }

    [Fact]
    public async Task CreateJob_FallbackToUnconfiguredProvider_Is400NamingItAndStoresNothing()
    {
        var before = await CountJobsAsync();

        var response = await _admin.PostAsJsonAsync("/api/jobs", new { theme = "Fallback without a key", template = "Reels 30s Standard", provider = "sim", fallback = UnconfiguredFallback });

        response.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        var message = (await response.Content.ReadFromJsonAsync<JsonObject>())!["errors"]!["fallback"]![0]!.GetValue<string>();
        message.Should().Contain("Runway").And.ContainEquivalentOf("Studio:Providers:Runway:ApiKey");
        (await CountJobsAsync()).Should().Be(before);
    }

    private async Task<Dictionary<string, JsonObject>> ProvidersAsync() =>
        (await _admin.GetFromJsonAsync<JsonArray>("/api/providers"))!.Select(p => p!.AsObject()).ToDictionary(p => p["name"]!.GetValue<string>());

    private static List<double> Numbers(JsonNode? array) => [.. array!.AsArray().Select(n => n!.GetValue<double>())];

    private static List<string> Strings(JsonNode? array) => [.. array!.AsArray().Select(n => n!.GetValue<string>())];

    private async Task<int> CountJobsAsync() => (await _admin.GetFromJsonAsync<JsonArray>("/api/jobs"))!.Count;
}
