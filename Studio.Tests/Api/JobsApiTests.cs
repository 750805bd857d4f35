using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Studio.Tests.Api;

public sealed class JobsApiTests(StudioAppFactory factory) : IClassFixture<StudioAppFactory>
{
    private readonly HttpClient _client = factory.CreateApiClient();

    [Fact]
    public async Task GetTemplates_ListsTheSeededDefaults()
    {
        var templates = await _client.GetFromJsonAsync<JsonArray>("/api/templates");

        var reels = templates!.Single(t => t!["name"]!.GetValue<string>() == "Reels 30s Standard")!;
        reels["aspectRatio"]!.GetValue<string>().Should().Be("9:16");
        reels["segmentCount"]!.GetValue<int>().Should().Be(6);
        reels["segmentSeconds"]!.GetValue<int>().Should().Be(5);
        templates!.Select(t => t!["name"]!.GetValue<string>()).Should().Contain(["Product Demo 45s", "YouTube Short Explainer 60s"]);
    }

    [Fact]
    public async Task CreateJob_Valid_IsADraftWithOneSegmentPerSlot()
    {
        var response = await _client.PostAsJsonAsync("/api/jobs", new { title = "Django", theme = "3 Django tips for beginners", template = "Reels 30s Standard" });

        response.StatusCode.Should().Be(HttpStatusCode.Created);
        response.Headers.Location!.ToString().Should().StartWith("/api/jobs/");
        var job = await response.Content.ReadFromJsonAsync<JsonObject>();
        job!["status"]!.GetValue<string>().Should().Be("Draft");
        job["provider"]!.GetValue<string>().Should().Be("local");
        job["estimatedCostUsd"]!.GetValue<decimal>().Should().Be(0);
        var segments = job["segments"]!.AsArray();
        segments.Should().HaveCount(6);
        segments[0]!["prompt"]!.GetValue<string>().Should().Be("3 Django tips for beginners");
        segments.Select(s => s!["status"]!.GetValue<string>()).Should().AllBe("Pending");
    }

    [Fact]
    public async Task CreateJob_TemplateById_AndOwnPrompts()
    {
        var templates = await _client.GetFromJsonAsync<JsonArray>("/api/templates");
        var id = templates!.Single(t => t!["name"]!.GetValue<string>() == "Reels 30s Standard")!["id"]!.GetValue<string>();
        string[] prompts = ["one", "two", "three", "four", "five", "six"];

        var response = await _client.PostAsJsonAsync("/api/jobs", new { title = "Own", theme = "Mine", template = id, prompts });

        response.StatusCode.Should().Be(HttpStatusCode.Created);
        var job = await response.Content.ReadFromJsonAsync<JsonObject>();
        job!["segments"]!.AsArray().Select(s => s!["prompt"]!.GetValue<string>()).Should().Equal(prompts);
    }

    [Theory]
    [InlineData("""{"title":"t","theme":"","template":"Reels 30s Standard"}""", "theme")]
    [InlineData("""{"title":"t","theme":"   ","template":"Reels 30s Standard"}""", "theme")]
    [InlineData("""{"title":"t","theme":"x","template":"No Such Template"}""", "template")]
    [InlineData("""{"title":"t","theme":"x"}""", "template")]
    [InlineData("""{"title":"t","theme":"x","template":"Reels 30s Standard","prompts":["only one"]}""", "prompts")]
    [InlineData("""{"title":"t","theme":"x","template":"Reels 30s Standard","prompts":["a","b","c","d","e",""]}""", "prompts[5]")]
    [InlineData("""{"title":"t","theme":"x","template":"Reels 30s Standard","mode":"Hologram"}""", "mode")]
    [InlineData("""{"title":"t","theme":"x","template":"Reels 30s Standard","provider":"nope"}""", "provider")]
    public async Task CreateJob_Invalid_Is400NamingTheFieldAndStoresNothing(string body, string field)
    {
        var before = await CountJobsAsync();

        var response = await _client.PostAsync("/api/jobs", new StringContent(body, System.Text.Encoding.UTF8, "application/json"));

        response.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        response.Content.Headers.ContentType!.MediaType.Should().Be("application/problem+json");
        var problem = await response.Content.ReadFromJsonAsync<JsonObject>();
        problem!["errors"]!.AsObject().Select(e => e.Key).Should().Contain(field);
        problem["errors"]![field]![0]!.GetValue<string>().Should().NotBeNullOrWhiteSpace();
        (await CountJobsAsync()).Should().Be(before);
    }

    [Theory]
    [InlineData("{broken", "not valid JSON")]
    [InlineData("""{"theme": 5, "template": "Reels 30s Standard"}""", "not valid JSON")]
    public async Task CreateJob_UnreadableBody_Is400SayingWhereWithoutEchoingTheRequest(string body, string says)
    {
        var response = await _client.PostAsync("/api/jobs", new StringContent(body, System.Text.Encoding.UTF8, "application/json"));

        response.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        response.Content.Headers.ContentType!.MediaType.Should().Be("application/problem+json");
        var text = await response.Content.ReadAsStringAsync();
        JsonNode.Parse(text)!["detail"]!.GetValue<string>().Should().Contain(says);
        text.Should().NotContain(StudioAppFactory.AdminToken).And.NotContain("   at ");
    }

    [Fact]
    public async Task StartJob_Twice_SecondIs409()
    {
        var id = await CreateJobAsync();

        (await _client.PostAsync($"/api/jobs/{id}/start", null)).StatusCode.Should().Be(HttpStatusCode.Accepted);
        var second = await _client.PostAsync($"/api/jobs/{id}/start", null);

        second.StatusCode.Should().Be(HttpStatusCode.Conflict);
        (await second.Content.ReadFromJsonAsync<JsonObject>())!["detail"]!.GetValue<string>().Should().Contain("Only a Draft job");
    }

    [Fact]
    public async Task GetVideo_BeforeCompleted_Is409()
    {
        var id = await CreateJobAsync();

        var response = await _client.GetAsync($"/api/jobs/{id}/video");

        response.StatusCode.Should().Be(HttpStatusCode.Conflict);
    }

    [Fact]
    public async Task AnotherUsersJob_AnswersExactlyLikeAMissingOne()
    {
        var id = await CreateJobAsync();
        var other = factory.CreateApiClient(await factory.CreateUserWithTokenAsync($"other-{Guid.NewGuid():N}@studio.test"));

        foreach (var (method, path) in new[] { ("GET", $"/api/jobs/{id}"), ("POST", $"/api/jobs/{id}/start"), ("GET", $"/api/jobs/{id}/video"), ("GET", $"/api/jobs/{id}/poster") })
        {
            var theirs = await other.SendAsync(new HttpRequestMessage(new HttpMethod(method), path));
            var missing = await other.SendAsync(new HttpRequestMessage(new HttpMethod(method), path.Replace(id.ToString(), Guid.NewGuid().ToString(), StringComparison.Ordinal)));

            theirs.StatusCode.Should().Be(HttpStatusCode.NotFound, $"{method} {path}");
            missing.StatusCode.Should().Be(HttpStatusCode.NotFound);
            WithoutTraceId(await theirs.Content.ReadAsStringAsync()).Should().Be(WithoutTraceId(await missing.Content.ReadAsStringAsync()));
        }

        var list = await other.GetFromJsonAsync<JsonArray>("/api/jobs");
        list!.Select(j => j!["id"]!.GetValue<Guid>()).Should().NotContain(id);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("studio_not_a_real_token_at_all_000000")]
    public async Task Api_WithoutValidToken_Is401(string? token)
    {
        var client = factory.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        if (token is not null)
        {
            client.DefaultRequestHeaders.Authorization = new("Bearer", token);
        }

        (await client.GetAsync("/api/jobs")).StatusCode.Should().Be(HttpStatusCode.Unauthorized);
        (await client.PostAsJsonAsync("/api/jobs", new { theme = "x", template = "Reels 30s Standard" })).StatusCode.Should().Be(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task Pages_WithoutSignIn_RedirectToSignIn_WhichIsOpen()
    {
        var browser = factory.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

        var home = await browser.GetAsync("/");
        var login = await browser.GetAsync("/account/login");

        home.StatusCode.Should().Be(HttpStatusCode.Redirect);
        home.Headers.Location!.ToString().Should().Contain("/account/login");
        login.StatusCode.Should().Be(HttpStatusCode.OK);
        (await login.Content.ReadAsStringAsync()).Should().Contain("Sign in");
        (await browser.GetAsync("/health")).StatusCode.Should().Be(HttpStatusCode.OK);
    }

    private static string WithoutTraceId(string problemJson)
    {
        var problem = JsonNode.Parse(problemJson)!.AsObject();
        problem["status"]!.GetValue<int>().Should().Be(404);
        problem.Remove("traceId");
        return problem.ToJsonString();
    }

    private async Task<Guid> CreateJobAsync()
    {
        await factory.EnsureTinyTemplateAsync();
        var response = await _client.PostAsJsonAsync("/api/jobs", new { title = "Job", theme = "Testing jobs", template = StudioAppFactory.TinyTemplate });
        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadFromJsonAsync<JsonObject>())!["id"]!.GetValue<Guid>();
    }

    private async Task<int> CountJobsAsync() =>
        (await _client.GetFromJsonAsync<JsonArray>("/api/jobs"))!.Count;
}
