using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using Studio.Core.Events;
using Studio.Core.Jobs;

namespace Studio.Tests.Api;

/// <summary>Cancel, retry, regenerate and pick a take through the API, with the real worker, local provider and FFmpeg.</summary>
public sealed class JobControlApiTests(StudioAppFactory factory) : IClassFixture<StudioAppFactory>
{
    private static readonly TimeSpan JobTimeout = TimeSpan.FromMinutes(3);
    private readonly HttpClient _client = factory.CreateApiClient();

    [Fact]
    public async Task RegenerateThenSelectTake_KeepsBothTakesAndReassemblesWithTheChosenOne()
    {
        var id = await RunTinyJobAsync();
        var firstVideo = await _client.GetByteArrayAsync($"/api/jobs/{id}/video");

        var finished = Events.WaitUntilFinishedAsync(id, JobTimeout);
        var regenerate = await _client.PostAsJsonAsync($"/api/jobs/{id}/segments/0/regenerate", new { prompt = "A second, brighter take" });
        regenerate.StatusCode.Should().Be(HttpStatusCode.Accepted);
        (await regenerate.Content.ReadFromJsonAsync<JsonObject>())!["status"]!.GetValue<string>().Should().BeOneOf("Queued", "Running");
        (await finished).Should().Be(JobStatus.Completed);

        var job = await GetJobAsync(id);
        var segment = job["segments"]![0]!;
        segment["take"]!.GetValue<int>().Should().Be(2);
        segment["selectedTake"]!.GetValue<int>().Should().Be(2, "a new take goes into the cut once it is made");
        segment["submissions"]!.GetValue<int>().Should().Be(2, "one generation per take");
        segment["prompt"]!.GetValue<string>().Should().Be("A second, brighter take");
        var takes = segment["takes"]!.AsArray();
        takes.Select(t => t!["number"]!.GetValue<int>()).Should().Equal(1, 2);
        takes.Select(t => t!["provider"]!.GetValue<string>()).Should().AllBe("local");
        takes[0]!["prompt"]!.GetValue<string>().Should().NotBe("A second, brighter take", "each take keeps the prompt it was made from");
        (await _client.GetByteArrayAsync($"/api/jobs/{id}/video")).Should().NotEqual(firstVideo, "the cut was assembled again with the new take");

        finished = Events.WaitUntilFinishedAsync(id, JobTimeout);
        (await _client.PostAsync($"/api/jobs/{id}/segments/0/takes/1/select", null)).StatusCode.Should().Be(HttpStatusCode.Accepted);
        (await finished).Should().Be(JobStatus.Completed);

        job = await GetJobAsync(id);
        job["segments"]![0]!["selectedTake"]!.GetValue<int>().Should().Be(1);
        job["segments"]![0]!["madeBy"]!.GetValue<string>().Should().Be("local");
        job["segments"]![0]!["takes"]!.AsArray().Should().HaveCount(2, "picking a take deletes none");
        (await _client.GetByteArrayAsync($"/api/jobs/{id}/video")).Should().Equal(firstVideo, "take 1 is back in the cut, assembled the same way");
    }

    [Fact]
    public async Task Reassemble_AFinishedJob_MakesTheCutAgainWithoutMakingAnyClip()
    {
        var id = await RunTinyJobAsync();
        var before = await GetJobAsync(id);

        var finished = Events.WaitUntilFinishedAsync(id, JobTimeout);
        var reassemble = await _client.PostAsync($"/api/jobs/{id}/reassemble", null);
        reassemble.StatusCode.Should().Be(HttpStatusCode.Accepted);
        (await reassemble.Content.ReadFromJsonAsync<JsonObject>())!["status"]!.GetValue<string>().Should().BeOneOf("Queued", "Assembling", "Running");
        (await finished).Should().Be(JobStatus.Completed);

        var after = await GetJobAsync(id);
        after["segments"]!.AsArray().Select(s => s!["submissions"]!.GetValue<int>())
            .Should().Equal(before["segments"]!.AsArray().Select(s => s!["submissions"]!.GetValue<int>()), "no clip is made again");
        var video = await _client.GetByteArrayAsync($"/api/jobs/{id}/video");
        video.Length.Should().BeGreaterThan(1000);
        System.Text.Encoding.ASCII.GetString(video, 4, 4).Should().Be("ftyp");
    }

    [Fact]
    public async Task Reassemble_IsRefusedWhileRunningOrWithoutEveryClip()
    {
        var draft = await CreateTinyJobAsync();
        var refused = await _client.PostAsync($"/api/jobs/{draft}/reassemble", null);
        refused.StatusCode.Should().Be(HttpStatusCode.Conflict);
        (await refused.Content.ReadFromJsonAsync<JsonObject>())!["detail"]!.GetValue<string>().Should().Contain("draft");

        var stranger = factory.CreateApiClient(await factory.CreateUserWithTokenAsync($"stranger-{Guid.NewGuid():N}@studio.test"));
        (await stranger.PostAsync($"/api/jobs/{draft}/reassemble", null)).StatusCode.Should().Be(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task TakeClip_IsPlayableByItsOwnerOnly()
    {
        var id = await RunTinyJobAsync();

        var clip = await _client.GetAsync($"/api/jobs/{id}/segments/0/takes/1/clip");
        clip.StatusCode.Should().Be(HttpStatusCode.OK);
        clip.Content.Headers.ContentType!.MediaType.Should().Be("video/mp4");
        clip.Headers.AcceptRanges.Should().Contain("bytes", "a video element seeks with range requests");
        var bytes = await clip.Content.ReadAsByteArrayAsync();
        System.Text.Encoding.ASCII.GetString(bytes, 4, 4).Should().Be("ftyp");

        (await _client.GetAsync($"/api/jobs/{id}/segments/0/takes/2/clip")).StatusCode.Should().Be(HttpStatusCode.NotFound);
        (await _client.GetAsync($"/api/jobs/{id}/segments/9/takes/1/clip")).StatusCode.Should().Be(HttpStatusCode.NotFound);
        var stranger = factory.CreateApiClient(await factory.CreateUserWithTokenAsync($"stranger-{Guid.NewGuid():N}@studio.test"));
        (await stranger.GetAsync($"/api/jobs/{id}/segments/0/takes/1/clip")).StatusCode.Should().Be(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task CancelMidRun_ThenRetry_FinishesTheJob()
    {
        var created = await _client.PostAsJsonAsync("/api/jobs", new { title = "Cancel me", theme = "Cancelling a running job", template = "Reels 30s Standard" });
        var id = (await created.Content.ReadFromJsonAsync<JsonObject>())!["id"]!.GetValue<Guid>();
        (await _client.PostAsync($"/api/jobs/{id}/start", null)).StatusCode.Should().Be(HttpStatusCode.Accepted);

        var cancel = await _client.PostAsync($"/api/jobs/{id}/cancel", null);

        cancel.StatusCode.Should().Be(HttpStatusCode.Accepted);
        var cancelled = await cancel.Content.ReadFromJsonAsync<JsonObject>();
        cancelled!["status"]!.GetValue<string>().Should().Be("Cancelled");
        cancelled["segments"]!.AsArray().Select(s => s!["status"]!.GetValue<string>()).Should().OnlyContain(s => s == "Cancelled" || s == "Succeeded");
        (await _client.PostAsync($"/api/jobs/{id}/cancel", null)).StatusCode.Should().Be(HttpStatusCode.Conflict, "a cancelled job cannot be cancelled again");
        await Task.Delay(TimeSpan.FromSeconds(1));
        (await GetJobAsync(id))["status"]!.GetValue<string>().Should().Be("Cancelled", "no worker brings a cancelled job back");

        var finished = Events.WaitUntilFinishedAsync(id, JobTimeout);
        (await _client.PostAsync($"/api/jobs/{id}/retry", null)).StatusCode.Should().Be(HttpStatusCode.Accepted);
        (await finished).Should().Be(JobStatus.Completed);
        var job = await GetJobAsync(id);
        job["segments"]!.AsArray().Select(s => s!["status"]!.GetValue<string>()).Should().AllBe("Succeeded");
    }

    [Fact]
    public async Task Commands_TheJobsStateForbids_Answer409WithTheReason()
    {
        var draft = await CreateTinyJobAsync();
        var regenerateDraft = await _client.PostAsync($"/api/jobs/{draft}/segments/0/regenerate", null);
        regenerateDraft.StatusCode.Should().Be(HttpStatusCode.Conflict);
        (await regenerateDraft.Content.ReadFromJsonAsync<JsonObject>())!["detail"]!.GetValue<string>().Should().Contain("not been started");
        (await _client.PostAsync($"/api/jobs/{draft}/retry", null)).StatusCode.Should().Be(HttpStatusCode.Conflict);

        var done = await RunTinyJobAsync();
        var retry = await _client.PostAsync($"/api/jobs/{done}/retry", null);
        retry.StatusCode.Should().Be(HttpStatusCode.Conflict);
        (await retry.Content.ReadFromJsonAsync<JsonObject>())!["detail"]!.GetValue<string>().Should().Contain("completed");
        (await _client.PostAsync($"/api/jobs/{done}/cancel", null)).StatusCode.Should().Be(HttpStatusCode.Conflict);
    }

    [Fact]
    public async Task Commands_OnMissingSegmentsTakesOrPrompts_Answer404Or400()
    {
        var done = await RunTinyJobAsync();

        (await _client.PostAsync($"/api/jobs/{done}/segments/7/regenerate", null)).StatusCode.Should().Be(HttpStatusCode.NotFound);
        (await _client.PostAsync($"/api/jobs/{done}/segments/0/takes/9/select", null)).StatusCode.Should().Be(HttpStatusCode.NotFound);
        var tooLong = await _client.PostAsJsonAsync($"/api/jobs/{done}/segments/0/regenerate", new { prompt = new string('x', 5000) });
        tooLong.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        (await tooLong.Content.ReadFromJsonAsync<JsonObject>())!["errors"]!["prompt"].Should().NotBeNull();
        (await GetJobAsync(done))["status"]!.GetValue<string>().Should().Be("Completed", "a refused command changes nothing");
    }

    [Fact]
    public async Task Commands_OnAnotherUsersJob_Answer404LikeAMissingJob()
    {
        var mine = await RunTinyJobAsync();
        var stranger = factory.CreateApiClient(await factory.CreateUserWithTokenAsync($"stranger-{Guid.NewGuid():N}@studio.test"));

        foreach (var route in new[] { "cancel", "retry", "segments/0/regenerate", "segments/0/takes/1/select" })
        {
            var theirs = await stranger.PostAsync($"/api/jobs/{mine}/{route}", null);
            var missing = await stranger.PostAsync($"/api/jobs/{Guid.NewGuid()}/{route}", null);
            theirs.StatusCode.Should().Be(HttpStatusCode.NotFound, route);
            missing.StatusCode.Should().Be(HttpStatusCode.NotFound, route);
        }

        (await GetJobAsync(mine))["status"]!.GetValue<string>().Should().Be("Completed");
    }

    private IJobEvents Events => factory.Services.GetRequiredService<IJobEvents>();

    private async Task<Guid> CreateTinyJobAsync()
    {
        await factory.EnsureTinyTemplateAsync();
        var created = await _client.PostAsJsonAsync("/api/jobs", new { title = "Tiny", theme = "Control tests", template = StudioAppFactory.TinyTemplate });
        created.StatusCode.Should().Be(HttpStatusCode.Created);
        return (await created.Content.ReadFromJsonAsync<JsonObject>())!["id"]!.GetValue<Guid>();
    }

    private async Task<Guid> RunTinyJobAsync()
    {
        var id = await CreateTinyJobAsync();
        var finished = Events.WaitUntilFinishedAsync(id, JobTimeout);
        (await _client.PostAsync($"/api/jobs/{id}/start", null)).StatusCode.Should().Be(HttpStatusCode.Accepted);
        (await finished).Should().Be(JobStatus.Completed);
        return id;
    }

    private async Task<JsonObject> GetJobAsync(Guid id) => (await _client.GetFromJsonAsync<JsonObject>($"/api/jobs/{id}"))!;
}
