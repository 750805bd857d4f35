using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Studio.Core.Storage;

namespace Studio.Tests.Api;

/// <summary><c>GET /api/jobs</c> a page at a time and by status; <c>DELETE /api/jobs/{id}</c> for finished or draft jobs only, with their files.</summary>
public sealed class JobListAndDeleteApiTests(StudioAppFactory factory) : IClassFixture<StudioAppFactory>
{
    [Fact]
    public async Task ListJobs_Paged_NewestFirstWithTheTotal()
    {
        var (_, client) = await factory.CreateUserAsync("pager");
        var ids = new List<Guid>();
        for (var i = 0; i < 3; i++)
        {
            ids.Add(await CreateAsync(client, $"Job {i}"));
        }

        using var first = await client.GetAsync("/api/jobs?page=1&pageSize=2");
        using var second = await client.GetAsync("/api/jobs?page=2&pageSize=2");

        first.StatusCode.Should().Be(HttpStatusCode.OK);
        first.Headers.GetValues("X-Total-Count").Single().Should().Be("3");
        (await IdsAsync(first)).Should().Equal(ids[2], ids[1]);
        (await IdsAsync(second)).Should().Equal(ids[0]);
    }

    [Fact]
    public async Task ListJobs_ByStatus_OnlyThoseJobs()
    {
        var (_, client) = await factory.CreateUserAsync("status");
        var draft = await CreateAsync(client, "Stays a draft");

        (await IdsAsync(await client.GetAsync("/api/jobs?status=draft"))).Should().Equal(draft);
        (await IdsAsync(await client.GetAsync("/api/jobs?status=Completed"))).Should().BeEmpty();
    }

    [Theory]
    [InlineData("page=0", "page")]
    [InlineData("pageSize=0", "pageSize")]
    [InlineData("pageSize=101", "pageSize")]
    [InlineData("status=Dancing", "status")]
    public async Task ListJobs_BadQuery_Is400NamingTheField(string query, string field)
    {
        using var client = factory.CreateApiClient();

        using var response = await client.GetAsync($"/api/jobs?{query}");

        response.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").TryGetProperty(field, out _).Should().BeTrue();
    }

    [Fact]
    public async Task DeleteJob_Draft_Is204AndRemovesTheJobAndItsFiles()
    {
        var (_, client) = await factory.CreateUserAsync("deleter");
        var id = await CreateAsync(client, "To delete");
        var store = factory.Services.GetRequiredService<IFileStore>();
        await store.PutAsync($"{FileKeys.JobFolder(id)}/out/leftover.txt", new MemoryStream([1, 2, 3]), CancellationToken.None);

        using var deleted = await client.DeleteAsync($"/api/jobs/{id}");

        deleted.StatusCode.Should().Be(HttpStatusCode.NoContent);
        (await client.GetAsync($"/api/jobs/{id}")).StatusCode.Should().Be(HttpStatusCode.NotFound);
        Directory.Exists(Path.Combine(factory.DataDirectory, "jobs", id.ToString("N"))).Should().BeFalse();
        (await client.DeleteAsync($"/api/jobs/{id}")).StatusCode.Should().Be(HttpStatusCode.NotFound, "it is gone");
    }

    [Fact]
    public async Task DeleteJob_AnotherUsersJob_Is404AndKeepsIt()
    {
        var (_, owner) = await factory.CreateUserAsync("owner");
        var (_, other) = await factory.CreateUserAsync("other");
        var id = await CreateAsync(owner, "Mine");

        (await other.DeleteAsync($"/api/jobs/{id}")).StatusCode.Should().Be(HttpStatusCode.NotFound);
        (await owner.GetAsync($"/api/jobs/{id}")).StatusCode.Should().Be(HttpStatusCode.OK);
    }

    [Fact]
    public async Task DeleteJob_BeingMade_Is409UntilCancelled()
    {
        // Six 5 s clips take seconds to render: the job is still being made when the delete arrives.
        var (_, client) = await factory.CreateUserAsync("busy");
        var id = await CreateAsync(client, "Busy");
        (await client.PostAsync($"/api/jobs/{id}/start", null)).StatusCode.Should().Be(HttpStatusCode.Accepted);

        using var refused = await client.DeleteAsync($"/api/jobs/{id}");
        using var cancelled = await client.PostAsync($"/api/jobs/{id}/cancel", null);
        using var deleted = await client.DeleteAsync($"/api/jobs/{id}");

        refused.StatusCode.Should().Be(HttpStatusCode.Conflict);
        (await refused.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("detail").GetString().Should().Contain("cancel it");
        cancelled.StatusCode.Should().Be(HttpStatusCode.Accepted);
        deleted.StatusCode.Should().Be(HttpStatusCode.NoContent);
    }

    private static async Task<Guid> CreateAsync(HttpClient client, string title)
    {
        var response = await client.PostAsJsonAsync("/api/jobs", new { title, theme = "Paging through jobs", template = "Reels 30s Standard" });
        response.StatusCode.Should().Be(HttpStatusCode.Created);
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
    }

    private static async Task<List<Guid>> IdsAsync(HttpResponseMessage response) =>
        [.. (await response.Content.ReadFromJsonAsync<JsonElement>()).EnumerateArray().Select(j => j.GetProperty("id").GetGuid())];
}
