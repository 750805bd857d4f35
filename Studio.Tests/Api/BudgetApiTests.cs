using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Studio.Core.Costs;
using Studio.Core.Events;
using Studio.Core.Jobs;
using Studio.Core.Persistence;
using Studio.Core.Segments;
using Studio.Core.Templates;

namespace Studio.Tests.Api;

/// <summary>The monthly budget through the API: shown, set by admins, refusing starts and paid clips that would pass it.</summary>
public sealed class BudgetApiTests(BudgetAppFactory factory) : IClassFixture<BudgetAppFactory>
{
    private const string TwoSegments = "Budget Two Segments";
    private static readonly string[] OnePrompt = ["A calm sea"];
    private static readonly string[] OneSilence = [""];
    private static readonly string[] TwoPrompts = ["A red door", "A blue door"];
    private static readonly string[] TwoSilences = ["", ""];
    private readonly HttpClient _admin = factory.CreateApiClient();

    [Fact]
    public async Task GetBudget_SpendingAndAJobInProgress_ShowsBudgetSpentReservedAndRemaining()
    {
        await factory.EnsureTinyTemplateAsync();
        var (userId, client) = await factory.CreateUserAsync("budget-view");
        await SpendAsync(userId, 0.50m);
        var held = await CreateAsync(client, "held");
        (await client.PostAsync($"/api/jobs/{held}/start", null)).StatusCode.Should().Be(HttpStatusCode.Accepted);

        var budget = (await client.GetFromJsonAsync<JsonObject>("/api/budget"))!;

        budget["monthlyUsd"]!.GetValue<decimal>().Should().Be(1.00m, "the default budget applies");
        budget["spentUsd"]!.GetValue<decimal>().Should().Be(0.50m);
        budget["reservedUsd"]!.GetValue<decimal>().Should().Be(0.25m, "the held job has spent nothing of its estimate yet");
        budget["remainingUsd"]!.GetValue<decimal>().Should().Be(0.25m);
        budget["month"]!.GetValue<string>().Should().Be(DateTimeOffset.UtcNow.ToString("yyyy-MM", CultureInfo.InvariantCulture));
    }

    [Fact]
    public async Task StartJob_EstimatePassesTheBudget_Answers409WithTheNumbersAndStaysDraft()
    {
        await factory.EnsureTinyTemplateAsync();
        var (userId, client) = await factory.CreateUserAsync("budget-refused");
        await SpendAsync(userId, 0.50m);
        var held = await CreateAsync(client, "held");
        (await client.PostAsync($"/api/jobs/{held}/start", null)).StatusCode.Should().Be(HttpStatusCode.Accepted, "0.50 + 0.25 fits in 1.00");
        var paid = await CreateAsync(client, "paid");

        var refused = await client.PostAsync($"/api/jobs/{paid}/start", null);

        refused.StatusCode.Should().Be(HttpStatusCode.Conflict);
        var problem = (await refused.Content.ReadFromJsonAsync<JsonObject>())!;
        problem["title"]!.GetValue<string>().Should().Be("Over your monthly budget");
        problem["detail"]!.GetValue<string>().Should()
            .Contain("estimated at $0.40").And.Contain("your budget is $1.00").And.Contain("$0.50 is spent")
            .And.Contain("$0.25 is reserved").And.Contain("leaving $0.25");
        (await client.GetFromJsonAsync<JsonObject>($"/api/jobs/{paid}"))!["status"]!.GetValue<string>().Should().Be("Draft", "a refused start changes nothing");
        (await client.GetFromJsonAsync<JsonObject>("/api/budget"))!["reservedUsd"]!.GetValue<decimal>().Should().Be(0.25m, "the refused job reserved nothing");
    }

    [Fact]
    public async Task StartJob_TenAtOnceWithBudgetForOne_ExactlyOneStarts()
    {
        await factory.EnsureTinyTemplateAsync();
        var (userId, client) = await factory.CreateUserAsync("budget-race");
        (await SetBudgetAsync(userId, 0.50m)).StatusCode.Should().Be(HttpStatusCode.OK);
        var ids = new List<Guid>();
        for (var i = 0; i < 10; i++)
        {
            ids.Add(await CreateAsync(client, "paid"));
        }

        var answers = await Task.WhenAll(ids.Select(id => client.PostAsync($"/api/jobs/{id}/start", null)));

        answers.Count(a => a.StatusCode == HttpStatusCode.Accepted).Should().Be(1, "$0.50 holds one $0.40 job");
        answers.Count(a => a.StatusCode == HttpStatusCode.Conflict).Should().Be(9);
        var jobs = (await client.GetFromJsonAsync<JsonArray>("/api/jobs"))!;
        jobs.Count(j => j!["status"]!.GetValue<string>() != "Draft").Should().Be(1);
    }

    [Fact]
    public async Task StartJob_ZeroBudget_FreeJobStartsAndPaidJobIsRefused()
    {
        await factory.EnsureTinyTemplateAsync();
        var (userId, client) = await factory.CreateUserAsync("budget-zero");
        (await SetBudgetAsync(userId, 0m)).StatusCode.Should().Be(HttpStatusCode.OK);
        var free = await CreateAsync(client, "local");
        var paid = await CreateAsync(client, "paid");

        (await client.PostAsync($"/api/jobs/{free}/start", null)).StatusCode.Should().Be(HttpStatusCode.Accepted, "free jobs are never refused");
        (await client.PostAsync($"/api/jobs/{paid}/start", null)).StatusCode.Should().Be(HttpStatusCode.Conflict);
    }

    [Fact]
    public async Task SetBudget_Admin_ChangesTheUsersBudgetAndNullRestoresTheDefault()
    {
        var (userId, client) = await factory.CreateUserAsync("budget-set");

        var set = await SetBudgetAsync(userId, 7.5m);

        set.StatusCode.Should().Be(HttpStatusCode.OK);
        var body = (await set.Content.ReadFromJsonAsync<JsonObject>())!;
        body["userId"]!.GetValue<string>().Should().Be(userId);
        body["monthlyUsd"]!.GetValue<decimal>().Should().Be(7.5m);
        body["isDefault"]!.GetValue<bool>().Should().BeFalse();
        (await client.GetFromJsonAsync<JsonObject>("/api/budget"))!["monthlyUsd"]!.GetValue<decimal>().Should().Be(7.5m);

        var reset = await _admin.PutAsJsonAsync($"/api/users/{userId}/budget", new { monthlyUsd = (decimal?)null });
        reset.StatusCode.Should().Be(HttpStatusCode.OK);
        (await reset.Content.ReadFromJsonAsync<JsonObject>())!["isDefault"]!.GetValue<bool>().Should().BeTrue();
        (await client.GetFromJsonAsync<JsonObject>("/api/budget"))!["monthlyUsd"]!.GetValue<decimal>().Should().Be(1.00m);
    }

    [Fact]
    public async Task SetBudget_UnknownUser_Answers404()
    {
        (await SetBudgetAsync("no-such-user", 5m)).StatusCode.Should().Be(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task SetBudget_NegativeAmount_Answers400NamingTheFieldAndStoresNothing()
    {
        var (userId, client) = await factory.CreateUserAsync("budget-negative");

        var refused = await SetBudgetAsync(userId, -1m);

        refused.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        var problem = (await refused.Content.ReadFromJsonAsync<JsonObject>())!;
        problem["errors"]!["monthlyUsd"]![0]!.GetValue<string>().Should().Contain("between 0 and");
        (await client.GetFromJsonAsync<JsonObject>("/api/budget"))!["monthlyUsd"]!.GetValue<decimal>().Should().Be(1.00m);
    }

    [Fact]
    public async Task SetBudget_NotAnAdmin_Answers403AndChangesNothing()
    {
        var (userId, client) = await factory.CreateUserAsync("budget-self");

        var refused = await client.PutAsJsonAsync($"/api/users/{userId}/budget", new { monthlyUsd = 1000m });

        refused.StatusCode.Should().Be(HttpStatusCode.Forbidden);
        (await client.GetFromJsonAsync<JsonObject>("/api/budget"))!["monthlyUsd"]!.GetValue<decimal>().Should().Be(1.00m);
    }

    [Fact]
    public async Task PaidSegment_BudgetLoweredMidRun_FailsWithoutSubmitting()
    {
        await EnsureTwoSegmentTemplateAsync();
        var (userId, client) = await factory.CreateUserAsync("budget-midrun");
        var created = await client.PostAsJsonAsync("/api/jobs", new
        {
            theme = "Budget mid-run",
            template = TwoSegments,
            provider = "gated",
            prompts = TwoPrompts,
            narrations = TwoSilences,
        });
        created.StatusCode.Should().Be(HttpStatusCode.Created);
        var id = (await created.Content.ReadFromJsonAsync<JsonObject>())!["id"]!.GetValue<Guid>();
        var finished = factory.Services.GetRequiredService<IJobEvents>().WaitUntilFinishedAsync(id, TimeSpan.FromMinutes(3));
        (await client.PostAsync($"/api/jobs/{id}/start", null)).StatusCode.Should().Be(HttpStatusCode.Accepted, "$0.80 fits in $1.00");
        await factory.Gated.FirstSubmission.WaitAsync(TimeSpan.FromMinutes(2));

        (await SetBudgetAsync(userId, 0.50m)).StatusCode.Should().Be(HttpStatusCode.OK);
        factory.Gated.Release();

        (await finished).Should().Be(JobStatus.Failed);
        factory.Gated.Submissions.Should().Be(1, "the second clip would have taken the spending to $0.80, over $0.50");
        var segments = (await client.GetFromJsonAsync<JsonObject>($"/api/jobs/{id}"))!["segments"]!.AsArray();
        var refused = segments.Single(s => s!["status"]!.GetValue<string>() == "Failed")!;
        refused["error"]!.GetValue<string>().Should().Contain("Over your monthly budget").And.Contain("not submitted");
        refused["submissions"]!.GetValue<int>().Should().Be(0);
        segments.Count(s => s!["status"]!.GetValue<string>() == "Succeeded").Should().Be(1, "the clip submitted before the change is kept");
        (await client.GetFromJsonAsync<JsonObject>("/api/budget"))!["spentUsd"]!.GetValue<decimal>().Should().Be(0.40m);
    }

    [Fact]
    public async Task RegenerateSegment_NewTakeOverTheBudget_Answers409LikeAStartAndChangesNothing()
    {
        await factory.EnsureTinyTemplateAsync();
        var (userId, client) = await factory.CreateUserAsync("budget-regenerate");
        var id = await RunToCompletionAsync(client);
        await SpendAsync(userId, 0.40m);

        var refused = await client.PostAsJsonAsync($"/api/jobs/{id}/segments/0/regenerate", new { prompt = "A stormy sea" });

        refused.StatusCode.Should().Be(HttpStatusCode.Conflict);
        refused.Content.Headers.ContentType!.MediaType.Should().Be("application/problem+json");
        var problem = (await refused.Content.ReadFromJsonAsync<JsonObject>())!;
        problem["status"]!.GetValue<int>().Should().Be(409);
        problem["title"]!.GetValue<string>().Should().Be("Over your monthly budget");
        problem["detail"]!.GetValue<string>().Should()
            .Contain("estimated at $0.40").And.Contain("your budget is $1.00").And.Contain("$0.80 is spent").And.Contain("leaving $0.20");
        var job = (await client.GetFromJsonAsync<JsonObject>($"/api/jobs/{id}"))!;
        job["status"]!.GetValue<string>().Should().Be("Completed", "a refused regenerate changes nothing");
        job["segments"]![0]!["prompt"]!.GetValue<string>().Should().Be("A calm sea");
        (await client.GetFromJsonAsync<JsonObject>("/api/budget"))!["reservedUsd"]!.GetValue<decimal>().Should().Be(0m);
    }

    [Fact]
    public async Task RetryJob_FailedSegmentsOverTheBudget_Answers409WithTheNumbersAndStaysCancelled()
    {
        await factory.EnsureTinyTemplateAsync();
        var (userId, client) = await factory.CreateUserAsync("budget-retry");
        var id = await CreateAsync(client, "held");
        (await client.PostAsync($"/api/jobs/{id}/start", null)).StatusCode.Should().Be(HttpStatusCode.Accepted);
        (await client.PostAsync($"/api/jobs/{id}/cancel", null)).StatusCode.Should().Be(HttpStatusCode.Accepted);
        (await SetBudgetAsync(userId, 0.20m)).StatusCode.Should().Be(HttpStatusCode.OK);

        var refused = await client.PostAsync($"/api/jobs/{id}/retry", null);

        refused.StatusCode.Should().Be(HttpStatusCode.Conflict);
        var problem = (await refused.Content.ReadFromJsonAsync<JsonObject>())!;
        problem["title"]!.GetValue<string>().Should().Be("Over your monthly budget");
        problem["detail"]!.GetValue<string>().Should().Contain("estimated at $0.25").And.Contain("your budget is $0.20").And.Contain("leaving $0.20");
        (await client.GetFromJsonAsync<JsonObject>($"/api/jobs/{id}"))!["status"]!.GetValue<string>().Should().Be("Cancelled");
    }

    [Fact]
    public async Task RegenerateSegment_TwoJobsAtOnceWithBudgetForOne_ExactlyOneIsAccepted()
    {
        await factory.EnsureTinyTemplateAsync();
        var (userId, client) = await factory.CreateUserAsync("budget-regenerate-race");
        var first = await RunToCompletionAsync(client);
        var second = await RunToCompletionAsync(client);
        (await SetBudgetAsync(userId, 1.30m)).StatusCode.Should().Be(HttpStatusCode.OK);

        var answers = await Task.WhenAll(
            client.PostAsync($"/api/jobs/{first}/segments/0/regenerate", null),
            client.PostAsync($"/api/jobs/{second}/segments/0/regenerate", null));

        answers.Count(a => a.StatusCode == HttpStatusCode.Accepted).Should().Be(1, "$0.50 left holds one $0.40 take");
        answers.Count(a => a.StatusCode == HttpStatusCode.Conflict).Should().Be(1);
        (await client.GetFromJsonAsync<JsonObject>("/api/budget"))!["reservedUsd"]!.GetValue<decimal>().Should().BeLessThanOrEqualTo(0.40m);
    }

    private async Task<Guid> RunToCompletionAsync(HttpClient client)
    {
        var id = await CreateAsync(client, "paid");
        var finished = factory.Services.GetRequiredService<IJobEvents>().WaitUntilFinishedAsync(id, TimeSpan.FromMinutes(3));
        (await client.PostAsync($"/api/jobs/{id}/start", null)).StatusCode.Should().Be(HttpStatusCode.Accepted);
        (await finished).Should().Be(JobStatus.Completed);
        return id;
    }

    private Task<HttpResponseMessage> SetBudgetAsync(string userId, decimal monthlyUsd) =>
        _admin.PutAsJsonAsync($"/api/users/{userId}/budget", new { monthlyUsd });

    private static async Task<Guid> CreateAsync(HttpClient client, string provider)
    {
        var created = await client.PostAsJsonAsync("/api/jobs", new
        {
            theme = "Budget",
            template = StudioAppFactory.TinyTemplate,
            provider,
            prompts = OnePrompt,
            narrations = OneSilence,
        });
        created.StatusCode.Should().Be(HttpStatusCode.Created);
        return (await created.Content.ReadFromJsonAsync<JsonObject>())!["id"]!.GetValue<Guid>();
    }

    /// <summary>Books spending of another job in the user's ledger this month.</summary>
    private async Task SpendAsync(string userId, decimal usd)
    {
        await using var db = await factory.Services.GetRequiredService<IDbContextFactory<StudioDbContext>>().CreateDbContextAsync();
        db.Costs.Add(new CostEntry(Guid.NewGuid(), userId, Guid.NewGuid(), 0, "paid", CostKind.Clip, usd, DateTimeOffset.UtcNow));
        await db.SaveChangesAsync();
    }

    private async Task EnsureTwoSegmentTemplateAsync()
    {
        await using var db = await factory.Services.GetRequiredService<IDbContextFactory<StudioDbContext>>().CreateDbContextAsync();
        if (!await db.Templates.AnyAsync(t => t.Name == TwoSegments))
        {
            db.Templates.Add(new VideoTemplate(Guid.NewGuid(), TwoSegments, "Tests", AspectRatio.Square1x1, 2, 2, "local", GenerationMode.TextToVideo, "", [], DateTimeOffset.UtcNow));
            await db.SaveChangesAsync();
        }
    }
}
