using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using Studio.App.Hosting.Deployment;
using Studio.App.Workers;
using Studio.Core.Events;
using Studio.Core.Jobs;

namespace Studio.Tests.Api.Deployment;

/// <summary>
/// <c>Studio:Roles</c> on the real host: a worker answers its health and nothing else, a web node runs no loop, and the
/// two sharing one database make a video together; unknown roles stop the start.
/// </summary>
public sealed class ProcessRolesTests
{
    private static readonly TimeSpan JobTimeout = TimeSpan.FromMinutes(2);

    [Fact]
    public async Task WorkerOnly_AnswersHealth_But404OnPagesAndApi()
    {
        using var worker = new DeploymentAppFactory(("Studio:Roles", "Worker"));
        using var client = worker.CreateApiClient();

        (await client.GetAsync("/health/live")).StatusCode.Should().Be(HttpStatusCode.OK);
        (await client.GetAsync("/health/ready")).StatusCode.Should().Be(HttpStatusCode.OK);
        (await client.GetAsync("/health")).StatusCode.Should().Be(HttpStatusCode.OK);
        (await client.GetAsync("/")).StatusCode.Should().Be(HttpStatusCode.NotFound);
        (await client.GetAsync("/account/login")).StatusCode.Should().Be(HttpStatusCode.NotFound);
        (await client.GetAsync("/api/templates")).StatusCode.Should().Be(HttpStatusCode.NotFound, "the admin's token is valid, but there is no API here");
        (await client.PostAsync("/_blazor/negotiate?negotiateVersion=1", null)).StatusCode.Should().Be(HttpStatusCode.NotFound, "no Blazor hub");
        HostedLoops(worker).Should().Contain([typeof(GenerationWorker), typeof(NotificationWorker)]);
    }

    [Fact]
    public async Task WebOnly_StartsNoWorker_AndAWorkerSharingItsDatabaseFinishesTheJob()
    {
        using var web = new DeploymentAppFactory(("Studio:Roles", "Web"));
        using var client = web.CreateApiClient();
        await web.EnsureTinyTemplateAsync();
        HostedLoops(web).Should().NotContain(typeof(GenerationWorker)).And.NotContain(typeof(NotificationWorker));

        var created = await client.PostAsJsonAsync("/api/jobs", new { title = "Split", theme = "Roles", template = StudioAppFactory.TinyTemplate, provider = "local" });
        created.StatusCode.Should().Be(HttpStatusCode.Created);
        var id = (await created.Content.ReadFromJsonAsync<JsonObject>())!["id"]!.GetValue<Guid>();
        (await client.PostAsync($"/api/jobs/{id}/start", null)).StatusCode.Should().Be(HttpStatusCode.Accepted);

        // Proving that nothing happens takes time: five of the test host's worker polls (200 ms). A worker in this
        // process would have claimed the segment at once (starting a job wakes it).
        await Task.Delay(TimeSpan.FromSeconds(1));
        var waiting = await client.GetFromJsonAsync<JsonObject>($"/api/jobs/{id}");
        waiting!["status"]!.GetValue<string>().Should().Be("Queued");
        waiting["segments"]!.AsArray().Select(s => s!["status"]!.GetValue<string>()).Should().AllBe("Pending");
        waiting["segments"]!.AsArray().Select(s => s!["attempts"]!.GetValue<int>()).Should().OnlyContain(a => a == 0);

        using var worker = new DeploymentAppFactory(("Studio:Roles", "Worker"), ("Studio:DataDirectory", web.DataDirectory));
        var finished = worker.Services.GetRequiredService<IJobEvents>().WaitUntilFinishedAsync(id, JobTimeout);
        var now = (await client.GetFromJsonAsync<JsonObject>($"/api/jobs/{id}"))!["status"]!.GetValue<string>();
        if (now != "Completed")
        {
            (await finished).Should().Be(JobStatus.Completed);
        }

        var done = await client.GetFromJsonAsync<JsonObject>($"/api/jobs/{id}");
        done!["status"]!.GetValue<string>().Should().Be("Completed", done["error"]?.ToString());
        (await client.GetAsync($"/api/jobs/{id}/video")).StatusCode.Should().Be(HttpStatusCode.OK, "the web node serves what the worker made");
    }

    [Fact]
    public void UnknownRole_StopsTheStart_NamingTheSetting()
    {
        using var wrong = new DeploymentAppFactory(("Studio:Roles", "Web,Wroker"));

        var start = () => wrong.Services;

        start.Should().Throw<OptionsValidationException>().Which.Message.Should().Contain("Studio:Roles").And.Contain("Wroker").And.Contain("Web, Worker or Web,Worker");
    }

    [Theory]
    [InlineData("Web", "Web")]
    [InlineData("worker", "Worker")]
    [InlineData("Web,Worker", "Web, Worker")]
    [InlineData(" worker , WEB ", "Web, Worker")]
    [InlineData("", "Web, Worker")]
    [InlineData(null, "Web, Worker")]
    public void TryParse_KnownRoles_AreRead(string? text, string expected)
    {
        ProcessRoleOptions.TryParse(text, out var roles, out var error).Should().BeTrue(error);

        roles.ToString().Should().Be(expected);
    }

    [Theory]
    [InlineData("Both")]
    [InlineData("Web,")]
    [InlineData("Web;Worker")]
    public void TryParse_Unknown_IsRefused(string text)
    {
        ProcessRoleOptions.TryParse(text, out var roles, out var error).Should().BeFalse();

        roles.Should().Be(ProcessRoles.None);
        error.Should().Contain("Studio:Roles");
    }

    private static List<Type> HostedLoops(DeploymentAppFactory factory) =>
        factory.Services.GetServices<IHostedService>().Select(s => s.GetType()).ToList();
}
