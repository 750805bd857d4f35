using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using Studio.Providers.Sim;
using Studio.Tests.Fakes;

namespace Studio.Tests.Providers.Sim;

/// <summary>The simulator protocol, spoken over real HTTP with a plain HttpClient (no Studio client, no pipeline).</summary>
public sealed class SimServerTests : IAsyncLifetime
{
    private SimServer _server = null!;
    private HttpClient _http = null!;

    public Task InitializeAsync()
    {
        Use(SimTestServer.Start(o => o.PollsBeforeDone = 3));
        return Task.CompletedTask;
    }

    public async Task DisposeAsync()
    {
        _http.Dispose();
        await _server.DisposeAsync();
    }

    [Fact]
    public void Start_Always_ListensOnLoopbackOnly()
    {
        _server.BaseAddress.Host.Should().Be("127.0.0.1");
        _server.BaseAddress.Port.Should().BePositive();
        _server.IsRunning.Should().BeTrue();
    }

    [Fact]
    public async Task Post_ValidBody_Returns201QueuedWithTheClientReference()
    {
        using var response = await _http.PostAsync("v1/generations", Body(reference: "seg-t1-a1"));

        response.StatusCode.Should().Be(HttpStatusCode.Created);
        var generation = await JsonAsync(response);
        generation["id"]!.GetValue<string>().Should().StartWith("gen_");
        generation["status"]!.GetValue<string>().Should().Be("queued");
        generation["client_reference"]!.GetValue<string>().Should().Be("seg-t1-a1");
        _server.TotalSubmissions.Should().Be(1);
    }

    [Theory]
    [InlineData("not json", "invalid_request")]
    [InlineData("""{"mode":"text_to_video","width":64,"height":64,"duration_seconds":2}""", "prompt")]
    [InlineData("""{"prompt":"x","mode":"text_to_video","width":64,"height":64,"duration_seconds":11}""", "duration_seconds")]
    [InlineData("""{"prompt":"x","mode":"text_to_video","width":63,"height":64,"duration_seconds":2}""", "width")]
    [InlineData("""{"prompt":"x","mode":"dance","width":64,"height":64,"duration_seconds":2}""", "mode")]
    public async Task Post_BadBody_Returns400WithMessageAndCodeAndCreatesNothing(string body, string mentioned)
    {
        using var response = await _http.PostAsync("v1/generations", new StringContent(body, Encoding.UTF8, "application/json"));

        response.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        var error = (await JsonAsync(response))["error"]!;
        error["code"]!.GetValue<string>().Should().Be("invalid_request");
        error["message"]!.GetValue<string>().Should().Contain(mentioned == "invalid_request" ? "not a valid" : mentioned);
        _server.TotalSubmissions.Should().Be(0);
    }

    [Fact]
    public async Task Post_PromptWithRefuseMarker_Returns400ContentPolicyWithAHumanMessage()
    {
        using var response = await _http.PostAsync("v1/generations", Body(prompt: "A storm [refuse]"));

        response.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        var error = (await JsonAsync(response))["error"]!;
        error["code"]!.GetValue<string>().Should().Be("content_policy");
        error["message"]!.GetValue<string>().Should().Contain("content policy");
        _server.TotalSubmissions.Should().Be(0);
    }

    [Fact]
    public async Task Get_PolledRepeatedly_QueuedThenRunningWithRisingProgressThenSucceeded()
    {
        var id = await CreateAsync();
        var seen = new List<(string Status, double Progress)>();

        for (var i = 0; i < 5; i++)
        {
            var generation = await _http.GetFromJsonAsync<JsonObject>($"v1/generations/{id}");
            seen.Add((generation!["status"]!.GetValue<string>(), generation["progress"]!.GetValue<double>()));
        }

        seen.Select(s => s.Status).Should().Equal("queued", "running", "running", "succeeded", "succeeded");
        seen[1].Progress.Should().BeApproximately(1 / 3d, 1e-9);
        seen[2].Progress.Should().BeApproximately(2 / 3d, 1e-9);
        seen[3].Progress.Should().Be(1);
    }

    [Theory]
    [InlineData("v1/generations/gen_nope")]
    [InlineData("v1/generations/gen_nope/content")]
    public async Task Get_UnknownId_Returns404NotFound(string path)
    {
        using var response = await _http.GetAsync(path);

        response.StatusCode.Should().Be(HttpStatusCode.NotFound);
        (await JsonAsync(response))["error"]!["code"]!.GetValue<string>().Should().Be("not_found");
    }

    [Fact]
    public async Task Content_BeforeSuccess_Returns409NotReady()
    {
        var id = await CreateAsync();

        using var response = await _http.GetAsync($"v1/generations/{id}/content");

        response.StatusCode.Should().Be(HttpStatusCode.Conflict);
        (await JsonAsync(response))["error"]!["code"]!.GetValue<string>().Should().Be("not_ready");
    }

    [Fact]
    public async Task Delete_Unfinished_Returns204AndTheGenerationIsCancelled()
    {
        var id = await CreateAsync();

        using var response = await _http.DeleteAsync($"v1/generations/{id}");

        response.StatusCode.Should().Be(HttpStatusCode.NoContent);
        var generation = await _http.GetFromJsonAsync<JsonObject>($"v1/generations/{id}");
        generation!["status"]!.GetValue<string>().Should().Be("cancelled");
        generation["error"]!["code"]!.GetValue<string>().Should().Be("cancelled");
    }

    [Fact]
    public async Task List_ByClientReference_ReturnsOnlyThatReferencesGenerations()
    {
        var first = await CreateAsync(reference: "r-1");
        var second = await CreateAsync(reference: "r-1");
        await CreateAsync(reference: "r-2");

        var list = await _http.GetFromJsonAsync<JsonObject>("v1/generations?client_reference=r-1");

        list!["data"]!.AsArray().Select(g => g!["id"]!.GetValue<string>()).Should().BeEquivalentTo([first, second]);
    }

    [Fact]
    public async Task Stats_AfterSubmissions_CountsPerSegmentPerReferenceAndInTotal()
    {
        var segment = Guid.NewGuid();
        await CreateAsync(segment: segment, reference: "a");
        await CreateAsync(segment: segment, reference: "b");
        await CreateAsync(segment: Guid.NewGuid(), reference: "a");

        var stats = await _http.GetFromJsonAsync<JsonObject>("v1/stats");

        stats!["total_submissions"]!.GetValue<int>().Should().Be(3);
        stats["total_requests"]!.GetValue<long>().Should().Be(3, "stats requests are not counted");
        stats["submissions_by_segment"]![segment.ToString("D")]!.GetValue<int>().Should().Be(2);
        stats["submissions_by_reference"]!["a"]!.GetValue<int>().Should().Be(2);
        _server.SubmissionsFor(segment).Should().Be(2);
        _server.SubmissionsForReference("b").Should().Be(1);
        _server.TotalRequests.Should().Be(3);
    }

    [Fact]
    public async Task Outage_WhileOn_AnswersEveryRequest503AndCreatesNothing()
    {
        _server.Outage = true;

        using var post = await _http.PostAsync("v1/generations", Body());
        using var get = await _http.GetAsync("v1/generations");
        _server.Outage = false;
        using var after = await _http.PostAsync("v1/generations", Body());

        post.StatusCode.Should().Be(HttpStatusCode.ServiceUnavailable);
        get.StatusCode.Should().Be(HttpStatusCode.ServiceUnavailable);
        after.StatusCode.Should().Be(HttpStatusCode.Created);
        _server.TotalSubmissions.Should().Be(1);
        _server.TotalRequests.Should().Be(3);
    }

    [Fact]
    public async Task InjectedRateLimit_Answers429WithRetryAfterSecondsAndCreatesNothing()
    {
        await Restart(o => o.RetryAfterSeconds = 4);
        _server.InjectFaults(SimFault.RateLimited);

        using var response = await _http.PostAsync("v1/generations", Body());

        response.StatusCode.Should().Be(HttpStatusCode.TooManyRequests);
        response.Headers.RetryAfter!.Delta.Should().Be(TimeSpan.FromSeconds(4));
        _server.TotalSubmissions.Should().Be(0);
    }

    [Fact]
    public async Task InjectedServerError_OnSubmission_CreatesTheGenerationButLosesTheAnswer()
    {
        _server.InjectFaults(SimFault.ServerError);

        using var response = await _http.PostAsync("v1/generations", Body(reference: "lost-answer"));

        response.StatusCode.Should().Be(HttpStatusCode.InternalServerError);
        _server.SubmissionsForReference("lost-answer").Should().Be(1);
        var list = await _http.GetFromJsonAsync<JsonObject>("v1/generations?client_reference=lost-answer");
        list!["data"]!.AsArray().Should().ContainSingle();
    }

    [Fact]
    public async Task TransientFailureRate_SameSeed_MeetsTheSameFaultsInTheSameOrder()
    {
        static void Faulty(SimProviderOptions o)
        {
            o.TransientFailureRate = 0.5;
            o.Seed = 42;
            o.TransientFaults.Add(SimFault.RateLimited);
            o.TransientFaults.Add(SimFault.ServerError);
            o.TransientFaults.Add(SimFault.Unavailable);
        }

        await Restart(Faulty);
        var first = await StatusSequenceAsync(20);
        await Restart(Faulty);
        var second = await StatusSequenceAsync(20);

        second.Should().Equal(first);
        first.Should().Contain(200).And.Contain(s => s != 200);
        first.Where(s => s != 200).Should().OnlyContain(s => s == 429 || s == 500 || s == 503);
    }

    [Fact]
    public async Task PermanentFailureRate_One_RefusesEverySubmissionForContentPolicy()
    {
        await Restart(o => o.PermanentFailureRate = 1);

        using var response = await _http.PostAsync("v1/generations", Body());

        response.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        (await JsonAsync(response))["error"]!["code"]!.GetValue<string>().Should().Be("content_policy");
    }

    [Fact]
    public async Task AsyncFailureRate_One_GenerationEndsFailedWithATransientCode()
    {
        await Restart(o =>
        {
            o.AsyncFailureRate = 1;
            o.PollsBeforeDone = 0;
        });
        var id = await CreateAsync();

        var generation = await _http.GetFromJsonAsync<JsonObject>($"v1/generations/{id}");

        generation!["status"]!.GetValue<string>().Should().Be("failed");
        generation["error"]!["code"]!.GetValue<string>().Should().Be("internal_error");
    }

    [Fact]
    public async Task ApiKey_MissingOrWrong_Answers401()
    {
        await Restart(o => o.ApiKey = "right-key");

        using var missing = await _http.GetAsync("v1/generations");
        _http.DefaultRequestHeaders.Authorization = new("Bearer", "right-key");
        using var right = await _http.GetAsync("v1/generations");

        missing.StatusCode.Should().Be(HttpStatusCode.Unauthorized);
        right.StatusCode.Should().Be(HttpStatusCode.OK);
    }

    [Fact]
    public async Task Latency_Configured_HoldsEachAnswerForThatLong()
    {
        var clock = new WatchedClock();
        await Restart(o => o.LatencyMs = 1500, clock);

        var request = _http.GetAsync("v1/generations");
        var held = await clock.WaitForTimerAsync(d => d == TimeSpan.FromMilliseconds(1500));
        var answeredEarly = request.IsCompleted;
        clock.Advance(held);
        using var response = await request;

        answeredEarly.Should().BeFalse();
        response.StatusCode.Should().Be(HttpStatusCode.OK);
    }

    private static StringContent Body(string prompt = "A lighthouse at dawn", string? reference = "ref", Guid? segment = null) =>
        new(
            new JsonObject
            {
                ["prompt"] = prompt,
                ["mode"] = "text_to_video",
                ["width"] = 64,
                ["height"] = 64,
                ["duration_seconds"] = 1,
                ["client_reference"] = reference,
                ["segment_id"] = (segment ?? Guid.NewGuid()).ToString(),
            }.ToJsonString(),
            Encoding.UTF8,
            "application/json");

    private static async Task<JsonObject> JsonAsync(HttpResponseMessage response) =>
        (await response.Content.ReadFromJsonAsync<JsonObject>())!;

    private void Use(SimServer server)
    {
        _server = server;
        _http = new HttpClient { BaseAddress = server.BaseAddress };
    }

    private async Task Restart(Action<SimProviderOptions> configure, TimeProvider? time = null)
    {
        _http.Dispose();
        await _server.DisposeAsync();
        Use(SimTestServer.Start(configure, time));
    }

    private async Task<string> CreateAsync(Guid? segment = null, string reference = "ref")
    {
        using var response = await _http.PostAsync("v1/generations", Body(reference: reference, segment: segment));
        response.StatusCode.Should().Be(HttpStatusCode.Created);
        return (await JsonAsync(response))["id"]!.GetValue<string>();
    }

    private async Task<List<int>> StatusSequenceAsync(int count)
    {
        var statuses = new List<int>();
        for (var i = 0; i < count; i++)
        {
            using var response = await _http.GetAsync("v1/generations");
            statuses.Add((int)response.StatusCode);
        }

        return statuses;
    }
}
