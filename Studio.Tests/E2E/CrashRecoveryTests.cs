using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Options;
using Studio.Core.Media;
using Studio.Providers.Sim;

namespace Studio.Tests.E2E;

/// <summary>
/// The worst day: twenty jobs on a hosted provider (the simulator, on its own server that outlives Studio), the Studio
/// process killed mid-run (SIGKILL: no drain, leases not given back), a new process started on the same database and
/// data folder. Every job must finish, every segment must have been submitted exactly once, and nothing half-written
/// may be left behind.
/// </summary>
[Trait("Category", "E2E")]
public sealed class CrashRecoveryTests
{
    private const int Jobs = 20;
    private static readonly TimeSpan Deadline = TimeSpan.FromMinutes(4);

    [Fact]
    public async Task KilledMidRun_ANewProcessFinishesEveryJob_SubmittingEachSegmentOnce()
    {
        await using var sim = new SimServer(
            new SimProviderOptions { LatencyMs = 30, PollsBeforeDone = 3, Seed = 7 },
            new FfmpegCoreMediaEngine(Options.Create(new MediaOptions())));
        var simAddress = sim.Start();
        using var data = new TempFolder();
        var settings = new Dictionary<string, string>
        {
            ["Studio:Providers:Sim:BaseUrl"] = simAddress.ToString(),
            ["Studio:Workers:Lease"] = "00:00:03",
            ["Studio:Workers:StatusPoll"] = "00:00:00.100",
            ["Studio:Workers:MaxStatusPoll"] = "00:00:00.500",
            ["Studio:Workers:IdlePoll"] = "00:00:00.250",
            ["Studio:Workers:ProviderLimits:sim"] = "12",
            ["Studio:Workers:MaxConcurrentAssemblies"] = "2",
        };

        List<Guid> ids;
        await using (var first = StudioProcess.On(data.Path, settings))
        {
            await first.InitializeAsync();
            using var api = first.CreateApiClient();
            ids = await CreateAndStartAsync(api);

            // Mid-run: some segments made, others at the provider, others not yet submitted.
            await WaitUntilAsync(() => sim.TotalSubmissions >= Jobs * 6 / 3, TimeSpan.FromMinutes(2));
            await first.KillAsync();
        }

        var submittedBeforeTheCrash = sim.TotalSubmissions;
        submittedBeforeTheCrash.Should().BeLessThan(Jobs * 6, "the crash must come before everything was submitted");

        await using var second = StudioProcess.On(data.Path, settings);
        await second.InitializeAsync();
        using var client = second.CreateApiClient();
        var jobs = await WaitForAllAsync(client, ids);

        jobs.Should().AllSatisfy(job => job["status"]!.GetValue<string>().Should().Be("Completed", job["error"]?.ToString()));
        var segments = jobs.SelectMany(j => j["segments"]!.AsArray()).ToList();
        segments.Should().HaveCount(Jobs * 6);
        segments.Should().AllSatisfy(s => s!["submissions"]!.GetValue<int>().Should().Be(1, "Studio counted one generation per segment"));
        sim.TotalSubmissions.Should().Be(Jobs * 6, "the provider saw exactly one submission per segment: none paid twice, none lost");

        var tmp = Path.Combine(data.Path, "tmp");
        Directory.EnumerateFiles(tmp, "*", SearchOption.AllDirectories)
            .Should().OnlyContain(f => Path.GetFileName(f) == ".owner", "the killed process's half-written files were swept");
        Directory.EnumerateDirectories(tmp).Should().ContainSingle("only the living process keeps a scratch folder");
        var stored = Directory.EnumerateFiles(Path.Combine(data.Path, "jobs"), "*", SearchOption.AllDirectories).ToList();
        stored.Should().HaveCount(Jobs * (6 + 3), "one clip per segment, then a final cut, a poster and a ZIP of the clips per job: no orphan");
        stored.Should().AllSatisfy(f => new FileInfo(f).Length.Should().BePositive());
    }

    private static async Task<List<Guid>> CreateAndStartAsync(HttpClient api)
    {
        var ids = new List<Guid>();
        for (var i = 0; i < Jobs; i++)
        {
            var created = await api.PostAsJsonAsync("/api/jobs", new { title = $"Crash {i}", theme = "Surviving a crash", template = "Reels 30s Standard", provider = "sim" });
            created.StatusCode.Should().Be(HttpStatusCode.Created, await created.Content.ReadAsStringAsync());
            ids.Add((await created.Content.ReadFromJsonAsync<JsonObject>())!["id"]!.GetValue<Guid>());
        }

        foreach (var id in ids)
        {
            (await api.PostAsync($"/api/jobs/{id}/start", null)).StatusCode.Should().Be(HttpStatusCode.Accepted);
        }

        return ids;
    }

    private static async Task<List<JsonObject>> WaitForAllAsync(HttpClient api, List<Guid> ids)
    {
        var until = DateTime.UtcNow + Deadline;
        while (true)
        {
            var jobs = new List<JsonObject>();
            foreach (var id in ids)
            {
                jobs.Add((await api.GetFromJsonAsync<JsonObject>($"/api/jobs/{id}"))!);
            }

            if (jobs.All(j => j["status"]!.GetValue<string>() is "Completed" or "Failed" or "Cancelled") || DateTime.UtcNow > until)
            {
                return jobs;
            }

            await Task.Delay(500);
        }
    }

    private static async Task WaitUntilAsync(Func<bool> condition, TimeSpan timeout)
    {
        var until = DateTime.UtcNow + timeout;
        while (!condition())
        {
            DateTime.UtcNow.Should().BeBefore(until, "the first process should have made progress");
            await Task.Delay(50);
        }
    }
}
