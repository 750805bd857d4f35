using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Studio.Core.Costs;
using Studio.Core.Persistence;

namespace Studio.Tests.Api;

/// <summary>
/// <c>GET /api/costs?month=YYYY-MM[&amp;jobId=]</c> over ledger rows written straight into the Costs table: each user sees
/// their own spending, an admin everyone's, refunds are taken off, and a projection only from the caller's own job.
/// Each test uses months of its own, far from now, so the tests never see each other's rows.
/// </summary>
public sealed class CostsApiTests(StudioAppFactory factory) : IClassFixture<StudioAppFactory>
{
    private readonly HttpClient _admin = factory.CreateApiClient();

    [Fact]
    public async Task GetCosts_AsUser_ShowsOnlyTheirSpendingPerProviderWithRefundsTakenOff()
    {
        var (alice, aliceClient) = await factory.CreateUserAsync("alice");
        var (bob, _) = await factory.CreateUserAsync("bob");
        var (job1, job2) = (Guid.NewGuid(), Guid.NewGuid());
        await AddCostsAsync(
            Entry(alice, job1, "luma", CostKind.Clip, 0.15m, 2031, 3, 2),
            Entry(alice, job1, "luma", CostKind.Clip, 0.15m, 2031, 3, 2),
            Entry(alice, job1, "luma", CostKind.Refund, -0.15m, 2031, 3, 3),
            Entry(alice, job1, "chat", CostKind.Script, 0.01m, 2031, 3, 2),
            Entry(alice, job2, "runway", CostKind.Clip, 0.25m, 2031, 3, 31),
            Entry(alice, job2, "runway", CostKind.Clip, 0.25m, 2031, 4, 1),
            Entry(bob, Guid.NewGuid(), "pika", CostKind.Clip, 0.15m, 2031, 3, 10));

        var report = await GetOkAsync(aliceClient, "/api/costs?month=2031-03");

        report["month"]!.GetValue<string>().Should().Be("2031-03");
        report["totalUsd"]!.GetValue<decimal>().Should().Be(0.41m);
        var providers = report["providers"]!.AsArray().ToDictionary(p => p!["provider"]!.GetValue<string>(), p => p!.AsObject());
        providers.Keys.Should().BeEquivalentTo("luma", "runway", "chat");
        providers["luma"]["amountUsd"]!.GetValue<decimal>().Should().Be(0.15m);
        providers["luma"]["charges"]!.GetValue<int>().Should().Be(2);
        providers["luma"]["refunds"]!.GetValue<int>().Should().Be(1);
        providers["runway"]["amountUsd"]!.GetValue<decimal>().Should().Be(0.25m, "April's charge belongs to April");
        providers["chat"]["amountUsd"]!.GetValue<decimal>().Should().Be(0.01m);
        var users = report["users"]!.AsArray();
        users.Should().ContainSingle();
        users[0]!["userId"]!.GetValue<string>().Should().Be(alice);
        users[0]!["amountUsd"]!.GetValue<decimal>().Should().Be(0.41m);
        users[0]!["jobs"]!.GetValue<int>().Should().Be(2);
        report.ToJsonString().Should().NotContain(bob).And.NotContain("pika");
    }

    [Fact]
    public async Task GetCosts_AsAdmin_ShowsEveryUsersSpending()
    {
        var (alice, aliceClient) = await factory.CreateUserAsync("alice");
        var (bob, _) = await factory.CreateUserAsync("bob");
        await AddCostsAsync(
            Entry(alice, Guid.NewGuid(), "luma", CostKind.Clip, 0.15m, 2032, 5, 1),
            Entry(bob, Guid.NewGuid(), "pika", CostKind.Clip, 0.15m, 2032, 5, 2),
            Entry(bob, Guid.NewGuid(), "pika", CostKind.Refund, -0.05m, 2032, 5, 3));

        var all = await GetOkAsync(_admin, "/api/costs?month=2032-05");
        var own = await GetOkAsync(aliceClient, "/api/costs?month=2032-05");

        all["totalUsd"]!.GetValue<decimal>().Should().Be(0.25m);
        var users = all["users"]!.AsArray().ToDictionary(u => u!["userId"]!.GetValue<string>(), u => u!.AsObject());
        users.Keys.Should().BeEquivalentTo(alice, bob);
        users[bob]["amountUsd"]!.GetValue<decimal>().Should().Be(0.10m);
        users[bob]["email"]!.GetValue<string>().Should().StartWith("bob-");
        all["providers"]!.AsArray().Select(p => p!["provider"]!.GetValue<string>()).Should().BeEquivalentTo("luma", "pika");
        own["totalUsd"]!.GetValue<decimal>().Should().Be(0.15m, "a user sees only their own part of the same month");
    }

    [Theory]
    [InlineData("2026-13")]
    [InlineData("abc")]
    public async Task GetCosts_BadMonth_Is400NamingMonth(string month)
    {
        var response = await _admin.GetAsync($"/api/costs?month={month}");

        response.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        response.Content.Headers.ContentType!.MediaType.Should().Be("application/problem+json");
        var errors = (await response.Content.ReadFromJsonAsync<JsonObject>())!["errors"]!.AsObject();
        errors.Select(e => e.Key).Should().Equal("month");
        errors["month"]![0]!.GetValue<string>().Should().Contain("YYYY-MM");
    }

    [Fact]
    public async Task GetCosts_WithOwnJob_ProjectsHundredVideosFromItsEstimate()
    {
        var (_, user) = await factory.CreateUserAsync("projector");
        var jobId = await CreateSimJobAsync(user);

        var report = await GetOkAsync(user, $"/api/costs?month=2033-01&jobId={jobId}");

        var projection = report["projection"]!;
        projection["videos"]!.GetValue<int>().Should().Be(100);
        projection["perVideoUsd"]!.GetValue<decimal>().Should().Be(0.30m, "6 sim clips of 5 s at $0.01 a second");
        projection["totalUsd"]!.GetValue<decimal>().Should().Be(30m);
        projection["text"]!.GetValue<string>().Should().Be("100 videos like this per month ≈ $30");
        projection["basis"]!.GetValue<string>().Should().Contain("Projected");
    }

    [Fact]
    public async Task GetCosts_WithAnotherUsersJob_HasNoProjectionAndNoneOfTheirData()
    {
        var (owner, ownerClient) = await factory.CreateUserAsync("owner");
        var (_, stranger) = await factory.CreateUserAsync("stranger");
        var jobId = await CreateSimJobAsync(ownerClient);
        await AddCostsAsync(Entry(owner, jobId, "sim", CostKind.Clip, 0.05m, 2033, 2, 1));

        var report = await GetOkAsync(stranger, $"/api/costs?month=2033-02&jobId={jobId}");

        report["projection"].Should().BeNull();
        report["totalUsd"]!.GetValue<decimal>().Should().Be(0m);
        report["users"]!.AsArray().Should().BeEmpty();
        report.ToJsonString().Should().NotContain(owner).And.NotContain("Projected");
    }

    [Fact]
    public async Task Estimate_OfflineWriterAndNoHostedVoice_ScriptAndVoiceAreZero()
    {
        var response = await _admin.PostAsJsonAsync("/api/jobs/estimate", new { theme = "Offline", template = "Reels 30s Standard", provider = "sim" });

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        var cost = (await response.Content.ReadFromJsonAsync<JsonObject>())!["estimatedCost"]!;
        cost["segments"]!.GetValue<decimal>().Should().Be(0.30m);
        cost["script"]!.GetValue<decimal>().Should().Be(0m, "the offline writer costs nothing");
        cost["voice"]!.GetValue<decimal>().Should().Be(0m);
        cost["total"]!.GetValue<decimal>().Should().Be(0.30m);
    }

    private static CostEntry Entry(string owner, Guid job, string provider, CostKind kind, decimal amount, int year, int month, int day) =>
        new(Guid.NewGuid(), owner, job, kind is CostKind.Clip or CostKind.Refund ? 0 : null, provider, kind, amount, new DateTimeOffset(year, month, day, 12, 0, 0, TimeSpan.Zero));

    private async Task AddCostsAsync(params CostEntry[] entries)
    {
        await using var db = await factory.Services.GetRequiredService<IDbContextFactory<StudioDbContext>>().CreateDbContextAsync();
        db.Costs.AddRange(entries);
        await db.SaveChangesAsync();
    }

    private static async Task<Guid> CreateSimJobAsync(HttpClient client)
    {
        var created = await client.PostAsJsonAsync("/api/jobs", new { title = "Projected", theme = "Projected spending", template = "Reels 30s Standard", provider = "sim" });
        created.StatusCode.Should().Be(HttpStatusCode.Created);
        return (await created.Content.ReadFromJsonAsync<JsonObject>())!["id"]!.GetValue<Guid>();
    }

    private static async Task<JsonObject> GetOkAsync(HttpClient client, string path)
    {
        var response = await client.GetAsync(path);
        response.StatusCode.Should().Be(HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        return (await response.Content.ReadFromJsonAsync<JsonObject>())!;
    }
}
