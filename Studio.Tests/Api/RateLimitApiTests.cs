using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Mvc.Testing;

namespace Studio.Tests.Api;

/// <summary>Rate limits on the API: per user, stricter on generation starts, 429 with Retry-After; pages are not limited.</summary>
public sealed class RateLimitApiTests(RateLimitAppFactory factory) : IClassFixture<RateLimitAppFactory>
{
    private static readonly string[] OnePrompt = ["A calm sea"];
    private static readonly string[] OneSilence = [""];

    [Fact]
    public async Task ApiRequests_OverTheLimit_Answer429WithRetryAfterAndProblemDetails()
    {
        var (_, client) = await factory.CreateUserAsync("limited");
        for (var i = 0; i < RateLimitAppFactory.ApiLimit; i++)
        {
            (await client.GetAsync("/api/templates")).StatusCode.Should().Be(HttpStatusCode.OK, $"request {i + 1} is within the limit");
        }

        var refused = await client.GetAsync("/api/templates");

        refused.StatusCode.Should().Be(HttpStatusCode.TooManyRequests);
        refused.Headers.RetryAfter.Should().NotBeNull();
        refused.Headers.RetryAfter!.Delta.Should().BeGreaterThan(TimeSpan.Zero);
        refused.Content.Headers.ContentType!.MediaType.Should().Be("application/problem+json");
        var problem = (await refused.Content.ReadFromJsonAsync<JsonObject>())!;
        problem["status"]!.GetValue<int>().Should().Be(429);
        problem["detail"]!.GetValue<string>().Should().Contain($"At most {RateLimitAppFactory.ApiLimit} API requests").And.Contain("try again in");
    }

    [Fact]
    public async Task ApiRequests_OneUserOverTheLimit_OtherUserUnaffected()
    {
        var (_, greedy) = await factory.CreateUserAsync("greedy");
        var (_, other) = await factory.CreateUserAsync("other");
        for (var i = 0; i <= RateLimitAppFactory.ApiLimit; i++)
        {
            await greedy.GetAsync("/api/jobs");
        }

        (await greedy.GetAsync("/api/jobs")).StatusCode.Should().Be(HttpStatusCode.TooManyRequests);
        (await other.GetAsync("/api/jobs")).StatusCode.Should().Be(HttpStatusCode.OK, "each user has their own allowance");
    }

    [Fact]
    public async Task NonApiRoutes_UserOverTheApiLimit_AreNotLimited()
    {
        var (_, client) = await factory.CreateUserAsync("pages");
        for (var i = 0; i <= RateLimitAppFactory.ApiLimit; i++)
        {
            await client.GetAsync("/api/templates");
        }

        (await client.GetAsync("/api/templates")).StatusCode.Should().Be(HttpStatusCode.TooManyRequests, "the API allowance is spent");
        for (var i = 0; i < 3 * RateLimitAppFactory.ApiLimit; i++)
        {
            (await client.GetAsync("/")).StatusCode.Should().Be(HttpStatusCode.OK, "pages are not limited");
            (await client.GetAsync("/health")).StatusCode.Should().Be(HttpStatusCode.OK, "health checks are not limited");
            (await client.PostAsync("/_blazor/negotiate?negotiateVersion=1", null)).StatusCode.Should().NotBe(HttpStatusCode.TooManyRequests, "Blazor's circuit traffic is not limited");
        }
    }

    [Fact]
    public async Task AnonymousApiRequests_OverTheLimit_AreLimitedByAddress()
    {
        var anonymous = factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        for (var i = 0; i < RateLimitAppFactory.ApiLimit; i++)
        {
            (await anonymous.GetAsync("/api/templates")).StatusCode.Should().Be(HttpStatusCode.Unauthorized);
        }

        var refused = await anonymous.GetAsync("/api/templates");

        refused.StatusCode.Should().Be(HttpStatusCode.TooManyRequests, "signed-out callers are counted by address");
        refused.Headers.RetryAfter.Should().NotBeNull();
    }

    [Fact]
    public async Task Starts_OverTheStartsLimit_Answer429_WhileOtherApiCallsPass()
    {
        await factory.EnsureTinyTemplateAsync();
        var (_, client) = await factory.CreateUserAsync("starter");
        var first = await CreateAsync(client);
        first.StatusCode.Should().Be(HttpStatusCode.Created);
        var id = (await first.Content.ReadFromJsonAsync<JsonObject>())!["id"]!.GetValue<Guid>();
        (await client.PostAsync($"/api/jobs/{id}/start", null)).StatusCode.Should().Be(HttpStatusCode.Accepted);
        (await CreateAsync(client)).StatusCode.Should().Be(HttpStatusCode.Created, $"the third start is within {RateLimitAppFactory.StartsLimit}");

        var refused = await CreateAsync(client);

        refused.StatusCode.Should().Be(HttpStatusCode.TooManyRequests);
        refused.Headers.RetryAfter.Should().NotBeNull();
        (await refused.Content.ReadFromJsonAsync<JsonObject>())!["detail"]!.GetValue<string>().Should().Contain($"At most {RateLimitAppFactory.StartsLimit} generation starts");
        var jobs = await client.GetAsync("/api/jobs");
        jobs.StatusCode.Should().Be(HttpStatusCode.OK, "reading is within the wider API limit");
        (await jobs.Content.ReadFromJsonAsync<JsonArray>())!.Should().HaveCount(2, "the refused request created nothing");
    }

    [Fact]
    public void Start_ZeroApiPerMinute_FailsAtStartNamingTheSetting()
    {
        using var invalid = new InvalidLimitsFactory();

        var start = () => invalid.CreateClient();

        start.Should().Throw<Exception>().Where(e => e.ToString().Contains("ApiPerMinute", StringComparison.Ordinal));
    }

    private static Task<HttpResponseMessage> CreateAsync(HttpClient client) =>
        client.PostAsJsonAsync("/api/jobs", new { theme = "Rate limits", template = StudioAppFactory.TinyTemplate, prompts = OnePrompt, narrations = OneSilence });

    private sealed class InvalidLimitsFactory() : StudioAppFactory(new Dictionary<string, string?> { ["Studio:RateLimits:ApiPerMinute"] = "0" });
}
