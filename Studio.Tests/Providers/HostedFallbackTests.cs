using Studio.Core.Events;
using Studio.Core.Jobs;
using Studio.Core.Orchestration;
using Studio.Core.Segments;
using Studio.Core.Media;
using Studio.Core.Templates;
using Studio.Providers.Luma;
using Studio.Providers.Sora;
using Studio.Tests.Fakes;
using Studio.Tests.Fakes.Luma;
using Studio.Tests.Fakes.Sora;

namespace Studio.Tests.Providers;

/// <summary>
/// Two hosted providers through the real orchestration (worker loop, SQLite, pipelines, assembly): Luma is down, its
/// circuit opens, and the job's fallback, Sora, makes every segment.
/// </summary>
public sealed class HostedFallbackTests : IAsyncLifetime
{
    private const string Owner = "user-1";
    private const string Template = "Hosted 9x16 2x4";
    private static readonly TimeSpan JobTimeout = TimeSpan.FromMinutes(2);
    private FakeLumaServer _luma = null!;
    private FakeSoraServer _sora = null!;
    private CoreHost _core = null!;

    public async Task InitializeAsync()
    {
        var mp4 = await ResultClips.Mp4Async(144, 256, 4);
        _luma = await FakeLumaServer.StartAsync(mp4);
        _sora = await FakeSoraServer.StartAsync(mp4);
        _core = await CoreHost.StartAsync(new Dictionary<string, string?>
        {
            ["Studio:Providers:Luma:BaseUrl"] = _luma.ApiUrl.ToString(),
            ["Studio:Providers:Luma:ApiKey"] = FakeLumaServer.Key,
            ["Studio:Providers:Luma:Http:RetryBaseDelay"] = "00:00:00.010",
            ["Studio:Providers:Sora:BaseUrl"] = _sora.ApiUrl.ToString(),
            ["Studio:Providers:Sora:ApiKey"] = FakeSoraServer.Key,
            ["Studio:Providers:Sora:Http:RetryBaseDelay"] = "00:00:00.010",
            ["Studio:Workers:StatusPoll"] = "00:00:00.050",
            ["Studio:Workers:MaxStatusPoll"] = "00:00:00.500",
            ["Studio:Workers:RetryDelay"] = "00:00:00.050",
            ["Studio:Workers:IdlePoll"] = "00:00:00.200",

            // Enough attempts that only the open circuit (not the attempt count) can move the segments on.
            ["Studio:Workers:MaxAttemptsPerSegment"] = "10",
        });
        await _core.AddTemplateAsync(new VideoTemplate(
            Guid.NewGuid(), Template, "", AspectRatio.Portrait9x16, 2, 4, LumaVideoProvider.ProviderName, GenerationMode.TextToVideo, "", [], DateTimeOffset.UtcNow));
    }

    public async Task DisposeAsync()
    {
        await _core.DisposeAsync();
        await _luma.DisposeAsync();
        await _sora.DisposeAsync();
    }

    [Fact]
    public async Task LumaOutage_OpensItsCircuit_AndSoraMakesEverySegmentOfACompletedJob()
    {
        _luma.Outage = true;
        _sora.PollsBeforeDone = 1;
        _sora.PollAfterMs = 50;
        var id = await CreateJobAsync(fallback: [SoraVideoProvider.ProviderName]);

        var status = await RunAsync(id);

        status.Should().Be(JobStatus.Completed);
        var job = (await _core.Get<JobService>().GetAsync(Owner, id, CancellationToken.None))!;
        job.Provider.Should().Be(LumaVideoProvider.ProviderName);
        job.Segments.Should().HaveCount(2).And.AllSatisfy(s =>
        {
            s.MadeBy.Should().Be(SoraVideoProvider.ProviderName);
            s.Submissions.Should().Be(1, "only Sora accepted a generation");
        });
        _sora.Created.Should().Be(2);
        _sora.Requests.Where(r => r.Method == "POST").Should().HaveCount(2)
            .And.AllSatisfy(r => r.Body.Should().Contain("\"seconds\":\"4\"").And.Contain("\"size\":\"720x1280\""));
        _luma.Created.Should().Be(0, "Luma made nothing");
        _luma.Requests.Should().NotBeEmpty().And.HaveCountLessThan(10, "once the circuit is open, calls fail fast without reaching Luma");
        var cut = (await _core.Get<JobService>().OpenOutputAsync(Owner, id, JobOutput.Video, CancellationToken.None))!;
        var file = Path.Combine(_core.DataDirectory, "cut-under-test.mp4");
        await using (var copy = File.Create(file))
        await using (cut.Content)
        {
            await cut.Content.CopyToAsync(copy);
        }

        var info = await _core.Get<IMediaEngine>().ProbeAsync(file, CancellationToken.None);
        (info.Width, info.Height).Should().Be((1080, 1920), "the cut is a real 9:16 MP4");
        info.Duration.Should().BeCloseTo(TimeSpan.FromSeconds(8), TimeSpan.FromSeconds(0.5), "two 4 s segments");
    }

    private async Task<Guid> CreateJobAsync(IReadOnlyList<string> fallback)
    {
        var jobs = _core.Get<JobService>();
        var created = await jobs.CreateAsync(Owner, new CreateJobCommand("Fallback", "Two hosted providers, one down", Template, Fallback: fallback), CancellationToken.None);
        created.Succeeded.Should().BeTrue(string.Join("; ", created.Errors?.Messages ?? []));
        (await jobs.StartAsync(Owner, created.Job!.Id, CancellationToken.None)).Should().Be(JobCommandOutcome.Done);
        return created.Job.Id;
    }

    private async Task<JobStatus> RunAsync(Guid id)
    {
        var finished = _core.Get<IJobEvents>().WaitUntilFinishedAsync(id, JobTimeout);
        using var stop = new CancellationTokenSource();
        var loop = _core.Get<WorkerLoop>().RunAsync("worker-hosted-fallback", stop.Token);
        try
        {
            return await finished;
        }
        finally
        {
            await stop.CancelAsync();
            await loop;
        }
    }
}
