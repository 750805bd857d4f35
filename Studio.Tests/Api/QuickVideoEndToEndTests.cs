using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using Studio.Core.Events;
using Studio.Core.Jobs;
using Studio.Core.Media;

namespace Studio.Tests.Api;

/// <summary>The walking skeleton through the API: theme → 30 s vertical MP4, with the real worker, SQLite and FFmpeg.</summary>
public sealed class QuickVideoEndToEndTests(StudioAppFactory factory) : IClassFixture<StudioAppFactory>
{
    private static readonly TimeSpan JobTimeout = TimeSpan.FromMinutes(3);

    [Fact]
    public async Task QuickVideo_Reels30_Is30SecondVerticalH264WithAudio()
    {
        var client = factory.CreateApiClient();
        var created = await client.PostAsJsonAsync("/api/jobs", new { title = "Django tips", theme = "3 Django tips for beginners", template = "Reels 30s Standard" });
        created.StatusCode.Should().Be(HttpStatusCode.Created);
        var id = (await created.Content.ReadFromJsonAsync<JsonObject>())!["id"]!.GetValue<Guid>();
        var finished = factory.Services.GetRequiredService<IJobEvents>().WaitUntilFinishedAsync(id, JobTimeout);

        (await client.PostAsync($"/api/jobs/{id}/start", null)).StatusCode.Should().Be(HttpStatusCode.Accepted);
        var final = await finished;

        final.Should().Be(JobStatus.Completed);
        var job = await client.GetFromJsonAsync<JsonObject>($"/api/jobs/{id}");
        job!["status"]!.GetValue<string>().Should().Be("Completed", job["error"]?.ToString());
        job["progress"]!.GetValue<double>().Should().Be(1);
        job["actualCostUsd"]!.GetValue<decimal>().Should().Be(0);
        job["segments"]!.AsArray().Select(s => s!["status"]!.GetValue<string>()).Should().AllBe("Succeeded");
        job["segments"]!.AsArray().Select(s => s!["provider"]!.GetValue<string>()).Should().AllBe("local");

        var video = await client.GetAsync($"/api/jobs/{id}/video");
        video.StatusCode.Should().Be(HttpStatusCode.OK);
        video.Content.Headers.ContentType!.MediaType.Should().Be("video/mp4");
        video.Content.Headers.ContentDisposition!.FileName.Should().Contain("django-tips.mp4");
        var file = Path.Combine(factory.DataDirectory, $"downloaded-{id:N}.mp4");
        await File.WriteAllBytesAsync(file, await video.Content.ReadAsByteArrayAsync());

        var info = await factory.Services.GetRequiredService<IMediaEngine>().ProbeAsync(file, CancellationToken.None);
        info.Duration.TotalSeconds.Should().BeApproximately(30, 0.15);
        info.Width.Should().Be(1080);
        info.Height.Should().Be(1920);
        info.VideoCodec.Should().Be("h264");
        info.AudioCodec.Should().Be("aac");

        var poster = await client.GetAsync($"/api/jobs/{id}/poster");
        poster.StatusCode.Should().Be(HttpStatusCode.OK);
        poster.Content.Headers.ContentType!.MediaType.Should().Be("image/jpeg");
        (await poster.Content.ReadAsByteArrayAsync())[..3].Should().Equal(0xFF, 0xD8, 0xFF);

        var ranged = new HttpRequestMessage(HttpMethod.Get, $"/api/jobs/{id}/video");
        ranged.Headers.Range = new System.Net.Http.Headers.RangeHeaderValue(0, 99);
        var partial = await client.SendAsync(ranged);
        partial.StatusCode.Should().Be(HttpStatusCode.PartialContent, "players seek with range requests");
        (await partial.Content.ReadAsByteArrayAsync()).Should().HaveCount(100);
    }
}
