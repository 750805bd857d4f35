using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace Studio.Tests.Api;

/// <summary>A storyboard written by a hosted model is paid for: it is held to the monthly budget before the model is asked.</summary>
public sealed class ScriptBudgetApiTests(HostedAppFactory factory) : IClassFixture<HostedAppFactory>
{
    [Fact]
    public async Task CreateJob_HostedStoryboardOverTheBudget_Is400AtScriptAndStoresNothing()
    {
        var (userId, client) = await factory.CreateUserAsync("frugal");
        using var admin = factory.CreateApiClient();
        (await admin.PutAsJsonAsync($"/api/users/{userId}/budget", new { monthlyUsd = 0m })).StatusCode.Should().Be(HttpStatusCode.OK);

        using var response = await client.PostAsJsonAsync("/api/jobs", new { theme = "Let the model write it", template = "Reels 30s Standard" });

        response.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        var message = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").GetProperty("script")[0].GetString();
        message.Should().Contain("Over your monthly budget").And.Contain("$0.01").And.Contain("Write the prompts and narration yourself");
        (await client.GetFromJsonAsync<JsonElement>("/api/jobs")).GetArrayLength().Should().Be(0);
    }

    [Fact]
    public async Task CreateJob_AllLinesGivenOverTheBudget_NeedsNoStoryboardAndIsCreated()
    {
        var (userId, client) = await factory.CreateUserAsync("writer");
        using var admin = factory.CreateApiClient();
        (await admin.PutAsJsonAsync($"/api/users/{userId}/budget", new { monthlyUsd = 0m })).StatusCode.Should().Be(HttpStatusCode.OK);
        var segments = Enumerable.Range(1, 6).Select(i => new { prompt = $"Scene {i}", narration = "" }).ToArray();

        using var response = await client.PostAsJsonAsync("/api/jobs", new { theme = "I wrote it all", template = "Reels 30s Standard", segments });

        response.StatusCode.Should().Be(HttpStatusCode.Created, "nothing is written by the model, so nothing is billed");
    }
}
