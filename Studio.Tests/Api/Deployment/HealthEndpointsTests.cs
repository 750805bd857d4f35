using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using Studio.Core.Storage;

namespace Studio.Tests.Api.Deployment;

/// <summary>
/// <c>/health/live</c> and <c>/health/ready</c> on the real host (real SQLite, data folder and FFmpeg): anonymous, JSON
/// naming each check, 503 naming the check that fails.
/// </summary>
public sealed class HealthEndpointsTests(StudioAppFactory factory) : IClassFixture<StudioAppFactory>
{
    [Fact]
    public async Task Live_Anonymous_Is200()
    {
        using var anonymous = factory.CreateClient();

        var response = await anonymous.GetAsync("/health/live");

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        (await response.Content.ReadFromJsonAsync<JsonObject>())!["status"]!.GetValue<string>().Should().Be("Healthy");
    }

    [Fact]
    public async Task Ready_HealthyHost_Is200WithEveryCheckHealthy()
    {
        using var anonymous = factory.CreateClient();

        var response = await anonymous.GetAsync("/health/ready");

        var body = await response.Content.ReadFromJsonAsync<JsonObject>();
        response.StatusCode.Should().Be(HttpStatusCode.OK, body?.ToJsonString());
        body!["status"]!.GetValue<string>().Should().Be("Healthy");
        var checks = body["checks"]!.AsObject();
        checks.Select(c => c.Key).Should().BeEquivalentTo("database", "storage", "ffmpeg");
        checks.Select(c => c.Value!["status"]!.GetValue<string>()).Should().AllBe("Healthy");
    }

    [Fact]
    public async Task Health_StaysAsItWas_PlainHealthy()
    {
        using var anonymous = factory.CreateClient();

        var response = await anonymous.GetAsync("/health");

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        (await response.Content.ReadAsStringAsync()).Should().Be("Healthy");
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task Ready_FfmpegPathWrong_Is503NamingFfmpeg(bool brokenBinaries)
    {
        using var folder = new TempFolder();
        if (brokenBinaries)
        {
            // Binaries that are there but do not work (a wrong architecture, a broken install): FFmpeg must really run.
            foreach (var name in new[] { "ffmpeg", "ffprobe" })
            {
                await File.WriteAllTextAsync(folder.File(name), "#!/bin/sh\necho broken >&2\nexit 1\n");
                if (!OperatingSystem.IsWindows())
                {
                    File.SetUnixFileMode(folder.File(name), UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
                }
            }
        }

        using var broken = new DeploymentAppFactory(("Studio:Media:BinaryFolder", folder.Path));
        using var anonymous = broken.CreateClient();

        var response = await anonymous.GetAsync("/health/ready");

        response.StatusCode.Should().Be(HttpStatusCode.ServiceUnavailable);
        var checks = (await response.Content.ReadFromJsonAsync<JsonObject>())!["checks"]!;
        checks["ffmpeg"]!["status"]!.GetValue<string>().Should().Be("Unhealthy");
        checks["ffmpeg"]!["description"]!.GetValue<string>().Should().Contain("Studio:Media:BinaryFolder");
        checks["ffmpeg"]!["description"]!.GetValue<string>().Should().NotContain(folder.Path, "paths go to the log");
        checks["database"]!["status"]!.GetValue<string>().Should().Be("Healthy");
        checks["storage"]!["status"]!.GetValue<string>().Should().Be("Healthy");
        (await anonymous.GetAsync("/health/live")).StatusCode.Should().Be(HttpStatusCode.OK, "the process itself is up");
    }

    [Fact]
    public async Task Ready_DataFolderCannotTakeFiles_Is503NamingStorage()
    {
        using var broken = new DeploymentAppFactory();
        using var anonymous = broken.CreateClient();

        // Tests run as root, whom permissions do not stop: a file stands where the process's scratch folder was, so
        // nothing can be written there, like a full or read-only disk (before the first probe, whose answer is kept).
        var scratch = broken.Services.GetRequiredService<StudioPaths>().ScratchDirectory;
        Directory.Delete(scratch, recursive: true);
        await File.WriteAllTextAsync(scratch, "not a folder");

        var response = await anonymous.GetAsync("/health/ready");

        response.StatusCode.Should().Be(HttpStatusCode.ServiceUnavailable);
        var body = await response.Content.ReadFromJsonAsync<JsonObject>();
        body!["status"]!.GetValue<string>().Should().Be("Unhealthy");
        body["checks"]!["storage"]!["status"]!.GetValue<string>().Should().Be("Unhealthy");
        body["checks"]!["database"]!["status"]!.GetValue<string>().Should().Be("Healthy");
        body.ToJsonString().Should().NotContain(scratch, "paths go to the log, not to anonymous callers");
    }

    [Fact]
    public async Task Ready_RedisConfiguredButNotReachable_Is503NamingRedis()
    {
        // Port 1 on loopback: nothing listens there.
        using var redis = new DeploymentAppFactory(("Studio:Redis:Connection", "127.0.0.1:1"));
        using var anonymous = redis.CreateClient();

        var response = await anonymous.GetAsync("/health/ready");

        response.StatusCode.Should().Be(HttpStatusCode.ServiceUnavailable);
        var checks = (await response.Content.ReadFromJsonAsync<JsonObject>())!["checks"]!.AsObject();
        checks["redis"]!["status"]!.GetValue<string>().Should().Be("Unhealthy");
        checks.Where(c => c.Key != "redis").Select(c => c.Value!["status"]!.GetValue<string>()).Should().AllBe("Healthy");
    }
}
