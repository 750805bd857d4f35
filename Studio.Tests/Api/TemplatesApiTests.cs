using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace Studio.Tests.Api;

/// <summary>The templates API: create, read, change, delete, with every value checked and changes limited to the author or an admin.</summary>
public sealed class TemplatesApiTests(StudioAppFactory factory) : IClassFixture<StudioAppFactory>
{
    [Fact]
    public async Task Create_Valid_Is201AndListedAndReadable()
    {
        var (_, client) = await factory.CreateUserAsync("author");
        var name = Unique("Shorts 15s");

        using var created = await client.PostAsJsonAsync("/api/templates", Body(name));
        var body = await created.Content.ReadFromJsonAsync<JsonElement>();
        var id = body.GetProperty("id").GetGuid();

        created.StatusCode.Should().Be(HttpStatusCode.Created);
        created.Headers.Location!.ToString().Should().Be($"/api/templates/{id}");
        body.GetProperty("totalSeconds").GetInt32().Should().Be(15);
        body.GetProperty("defaultPrompts").EnumerateArray().Select(p => p.GetString()).Should().Equal("A hook", "A point");
        body.GetProperty("editable").GetBoolean().Should().BeTrue();
        body.GetProperty("builtIn").GetBoolean().Should().BeFalse();
        var list = await client.GetFromJsonAsync<JsonElement>("/api/templates");
        list.EnumerateArray().Select(t => t.GetProperty("name").GetString()).Should().Contain(name);
        (await client.GetAsync($"/api/templates/{id}")).StatusCode.Should().Be(HttpStatusCode.OK);
    }

    [Theory]
    [InlineData("name", "")]
    [InlineData("aspectRatio", "3:2")]
    [InlineData("segmentCount", 0)]
    [InlineData("segmentCount", 21)]
    [InlineData("segmentSeconds", 1)]
    [InlineData("segmentSeconds", 61)]
    [InlineData("defaultProvider", "nobody")]
    [InlineData("defaultMode", "DreamToVideo")]
    [InlineData("language", "tlh")]
    [InlineData("transition", "wipe")]
    public async Task Create_BadValue_Is400NamingTheFieldAndStoresNothing(string field, object value)
    {
        using var client = factory.CreateApiClient();
        var body = Body(Unique("Bad"));
        body[field] = value;
        var before = await CountAsync(client);

        using var response = await client.PostAsJsonAsync("/api/templates", body);

        response.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").TryGetProperty(field, out _).Should().BeTrue();
        (await CountAsync(client)).Should().Be(before);
    }

    [Fact]
    public async Task Create_TooManyPromptsDuplicateNameOrUnknownMember_Is400()
    {
        using var client = factory.CreateApiClient();
        var prompts = Body(Unique("Prompts"));
        prompts["defaultPrompts"] = new[] { "a", "b", "c", "d" };
        var duplicate = Body("Reels 30s Standard");
        var unknown = Body(Unique("Unknown"));
        unknown["segmentSecnds"] = 5;

        (await client.PostAsJsonAsync("/api/templates", prompts)).StatusCode.Should().Be(HttpStatusCode.BadRequest);
        using var dup = await client.PostAsJsonAsync("/api/templates", duplicate);
        using var misspelt = await client.PostAsJsonAsync("/api/templates", unknown);

        (await dup.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").GetProperty("name")[0].GetString().Should().Contain("already exists");
        misspelt.StatusCode.Should().Be(HttpStatusCode.BadRequest, "a misspelt setting is refused rather than ignored");
    }

    [Fact]
    public async Task Update_ByTheAuthor_ChangesItAndJobsMadeFromItKeepTheirCopy()
    {
        var (_, client) = await factory.CreateUserAsync("editor");
        var name = Unique("Editable");
        var id = (await (await client.PostAsJsonAsync("/api/templates", Body(name))).Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        var job = await (await client.PostAsJsonAsync("/api/jobs", new { theme = "Before the change", template = id })).Content.ReadFromJsonAsync<JsonElement>();
        var changed = Body(name + " v2");
        changed["segmentCount"] = 2;
        changed["segmentSeconds"] = 4;
        changed["aspectRatio"] = "16:9";

        using var response = await client.PutAsJsonAsync($"/api/templates/{id}", changed);

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        (body.GetProperty("name").GetString(), body.GetProperty("aspectRatio").GetString(), body.GetProperty("totalSeconds").GetInt32()).Should().Be((name + " v2", "16:9", 8));
        var jobNow = await client.GetFromJsonAsync<JsonElement>($"/api/jobs/{job.GetProperty("id").GetGuid()}");
        jobNow.GetProperty("aspectRatio").GetString().Should().Be("9:16");
        jobNow.GetProperty("segments").GetArrayLength().Should().Be(3, "the job keeps the template as it was when the job was made");
    }

    [Fact]
    public async Task UpdateOrDelete_SomeoneElses_Is403SayingWhoMay_AdminMay()
    {
        var (_, author) = await factory.CreateUserAsync("author");
        var (_, other) = await factory.CreateUserAsync("other");
        using var admin = factory.CreateApiClient();
        var name = Unique("Guarded");
        var id = (await (await author.PostAsJsonAsync("/api/templates", Body(name))).Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();

        using var put = await other.PutAsJsonAsync($"/api/templates/{id}", Body(name));
        using var delete = await other.DeleteAsync($"/api/templates/{id}");
        var list = await other.GetFromJsonAsync<JsonElement>("/api/templates");
        var reels = list.EnumerateArray().First(t => t.GetProperty("name").GetString() == "Reels 30s Standard").GetProperty("id").GetGuid();
        using var builtIn = await other.DeleteAsync($"/api/templates/{reels}");

        put.StatusCode.Should().Be(HttpStatusCode.Forbidden);
        (await put.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("detail").GetString().Should().Contain("Only the author");
        delete.StatusCode.Should().Be(HttpStatusCode.Forbidden);
        builtIn.StatusCode.Should().Be(HttpStatusCode.Forbidden);
        (await builtIn.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("detail").GetString().Should().Contain("built-in");
        (await admin.PutAsJsonAsync($"/api/templates/{id}", Body(name + " by admin"))).StatusCode.Should().Be(HttpStatusCode.OK);
    }

    [Fact]
    public async Task Delete_ByTheAuthor_ArchivesIt_JobsKeepWorkingAndTheNameIsFree()
    {
        var (_, client) = await factory.CreateUserAsync("deleter");
        var name = Unique("Short-lived");
        var id = (await (await client.PostAsJsonAsync("/api/templates", Body(name))).Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        var jobId = (await (await client.PostAsJsonAsync("/api/jobs", new { theme = "Made before", template = id })).Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();

        (await client.DeleteAsync($"/api/templates/{id}")).StatusCode.Should().Be(HttpStatusCode.NoContent);

        (await client.GetAsync($"/api/templates/{id}")).StatusCode.Should().Be(HttpStatusCode.NotFound);
        (await client.GetFromJsonAsync<JsonElement>("/api/templates")).EnumerateArray().Select(t => t.GetProperty("name").GetString()).Should().NotContain(name);
        (await client.PostAsJsonAsync("/api/jobs", new { theme = "After", template = id })).StatusCode.Should().Be(HttpStatusCode.BadRequest, "a deleted template makes no new job");
        (await client.GetAsync($"/api/jobs/{jobId}")).StatusCode.Should().Be(HttpStatusCode.OK);
        (await client.PostAsJsonAsync("/api/templates", Body(name))).StatusCode.Should().Be(HttpStatusCode.Created, "the name is free again");
    }

    private static Dictionary<string, object?> Body(string name) => new()
    {
        ["name"] = name,
        ["description"] = "Made by a test",
        ["aspectRatio"] = "9:16",
        ["segmentCount"] = 3,
        ["segmentSeconds"] = 5,
        ["defaultProvider"] = "local",
        ["defaultMode"] = "TextToVideo",
        ["stylePrompt"] = "bright, clean",
        ["defaultPrompts"] = new[] { "A hook", "A point" },
        ["language"] = "en",
        ["transition"] = "crossfade",
    };

    private static string Unique(string name) => $"{name} {Guid.NewGuid().ToString("N")[..6]}";

    private static async Task<int> CountAsync(HttpClient client) => (await client.GetFromJsonAsync<JsonElement>("/api/templates")).GetArrayLength();
}
