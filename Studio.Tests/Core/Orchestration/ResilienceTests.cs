using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Studio.Core.Events;
using Studio.Core.Jobs;
using Studio.Core.Orchestration;
using Studio.Core.Persistence;
using Studio.Core.Segments;
using Studio.Core.Templates;
using Studio.Providers.Sim;
using Studio.Tests.Providers.Sim;

namespace Studio.Tests.Core.Orchestration;

/// <summary>
/// The real worker loop, SQLite and HTTP pipeline against the simulator's server on loopback: transient faults,
/// an outage with a fallback provider, a refusal. The simulator counts what reached it, so billing is checked there.
/// </summary>
public class ResilienceTests : IAsyncDisposable
{
    protected virtual TestEngine Engine => TestEngine.Sqlite;

    private const string Owner = "user-1";
    private const string Template = "Sim Square 3x1";
    private static readonly TimeSpan JobTimeout = TimeSpan.FromMinutes(2);
    private SimServer? _sim;
    private CoreHost? _core;

    public async ValueTask DisposeAsync()
    {
        if (_core is not null)
        {
            await _core.DisposeAsync();
        }

        if (_sim is not null)
        {
            await _sim.DisposeAsync();
        }
    }

    [Fact]
    public async Task ThirtyPercentTransientFaults_EveryJobCompletes_NoSegmentPaidTwice_AndCallsStayBounded()
    {
        await StartAsync(sim =>
        {
            sim.TransientFailureRate = 0.3;
            sim.PollsBeforeDone = 1;
            sim.RetryAfterSeconds = 1;
            sim.TimeoutFaultHold = TimeSpan.FromSeconds(3);
            sim.Seed = 42;
        });
        var ids = new List<Guid>();
        for (var i = 0; i < 6; i++)
        {
            ids.Add(await CreateJobAsync());
        }

        var statuses = await RunAsync(ids);

        statuses.Should().AllBeEquivalentTo(JobStatus.Completed);
        var segments = await SegmentsAsync(ids);
        segments.Should().HaveCount(18).And.AllSatisfy(s =>
        {
            s.Submissions.Should().Be(1);
            _sim!.SubmissionsFor(s.Id).Should().Be(1, "a lost answer is looked up by reference, never submitted again");
        });

        // Without faults a segment costs 4 calls (submit, 2 polls, download): 72 in all. Every fault costs a retry or a
        // look-up, so with 30 % of calls failing the total stays under 2.5 times that.
        _sim!.TotalRequests.Should().BeInRange(72, 180);
    }

    [Fact]
    public async Task ProviderOutage_OpensTheCircuit_AndTheFallbackProviderFinishesTheJobs()
    {
        await StartAsync(sim => sim.PollsBeforeDone = 0);
        _sim!.Outage = true;
        var ids = new List<Guid> { await CreateJobAsync(fallback: ["local"]), await CreateJobAsync(fallback: ["local"]) };

        var statuses = await RunAsync(ids);

        statuses.Should().AllBeEquivalentTo(JobStatus.Completed);
        var jobs = await Task.WhenAll(ids.Select(id => _core!.Get<JobService>().GetAsync(Owner, id, CancellationToken.None)));
        jobs.SelectMany(j => j!.Segments).Should().AllSatisfy(s =>
        {
            s.Provider.Should().Be("local");
            s.MadeBy.Should().Be("local", "the segment says which provider made the clip in the cut");
            s.Submissions.Should().Be(1, "only local accepted a generation");
        });
        jobs.Should().AllSatisfy(j => j!.Provider.Should().Be("sim"));
        _sim.TotalSubmissions.Should().Be(0);
        _sim.TotalRequests.Should().BeLessThan(20, "once the circuit is open, calls fail fast without reaching the provider");
    }

    [Fact]
    public async Task OutageWithoutFallback_FailsTheJobAfterItsAttempts_SayingTheProviderIsUnavailable_InTheReadersLanguage()
    {
        await StartAsync(sim => sim.PollsBeforeDone = 0, new Dictionary<string, string?> { ["Studio:Workers:MaxAttemptsPerSegment"] = "2" });
        _sim!.Outage = true;
        var id = await CreateJobAsync();

        var statuses = await RunAsync([id]);

        statuses.Should().Equal(JobStatus.Failed);
        var job = await _core!.Get<JobService>().GetAsync(Owner, id, CancellationToken.None);
        job!.Error.Should().Contain("could not be made").And.Contain("Gave up after 2 attempts");
        job.Segments.Should().AllSatisfy(s => s.Submissions.Should().Be(0));

        // The workers stored the reason as sentences, the segment's nested in the job's: a French reader reads both in French.
        var before = CultureInfo.CurrentUICulture;
        try
        {
            CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo("fr-FR");
            var french = await _core.Get<JobService>().GetAsync(Owner, id, CancellationToken.None);
            french!.Error.Should().StartWith("3 segments n’ont pas pu être faits. Segment 1 : Abandon après 2 tentatives chez Simulator");
            french.Segments.Should().Contain(s => s.Error!.StartsWith("Abandon après 2 tentatives chez ", StringComparison.Ordinal));
        }
        finally
        {
            CultureInfo.CurrentUICulture = before;
        }
    }

    [Fact]
    public async Task PermanentRefusal_FailsFastWithTheProvidersOwnMessage()
    {
        await StartAsync(sim => sim.PollsBeforeDone = 0);
        var id = await CreateJobAsync(prompts: ["A calm lake", "[refuse] something the provider will not make", "A sunrise"]);

        var statuses = await RunAsync([id]);

        statuses.Should().Equal(JobStatus.Failed);
        var job = await _core!.Get<JobService>().GetAsync(Owner, id, CancellationToken.None);
        var refused = job!.Segments[1];
        refused.Status.Should().Be(SegmentStatus.Failed);
        refused.Attempts.Should().Be(1, "a refusal is not retried");
        refused.Submissions.Should().Be(0);
        job.Error.Should().StartWith("Segment 2 could not be made:");
        refused.Error.Should().NotBeNullOrWhiteSpace().And.NotContain("Gave up", "the provider's own words are shown");
        job.Segments.Where(s => s.Index != 1).Should().AllSatisfy(s => s.Status.Should().Be(SegmentStatus.Succeeded));
    }

    private async Task StartAsync(Action<SimProviderOptions> configure, IDictionary<string, string?>? extra = null)
    {
        _sim = SimTestServer.Start(configure);
        var settings = new Dictionary<string, string?>
        {
            ["Studio:Providers:Sim:BaseUrl"] = _sim.BaseAddress.ToString(),
            ["Studio:Providers:Sim:Http:AttemptTimeout"] = "00:00:01",
            ["Studio:Providers:Sim:Http:RetryBaseDelay"] = "00:00:00.050",
            ["Studio:Workers:StatusPoll"] = "00:00:00.050",
            ["Studio:Workers:MaxStatusPoll"] = "00:00:00.500",
            ["Studio:Workers:RetryDelay"] = "00:00:00.100",
            ["Studio:Workers:IdlePoll"] = "00:00:00.200",
            ["Studio:Workers:ProviderLimits:sim"] = "8",
        };
        foreach (var (key, value) in extra ?? new Dictionary<string, string?>())
        {
            settings[key] = value;
        }

        _core = await CoreHost.StartAsync(settings, engine: Engine);
        await _core.AddTemplateAsync(new VideoTemplate(
            Guid.NewGuid(), Template, "", AspectRatio.Square1x1, 3, 1, "sim", GenerationMode.TextToVideo, "", [], DateTimeOffset.UtcNow));
    }

    private async Task<Guid> CreateJobAsync(IReadOnlyList<string>? fallback = null, IReadOnlyList<string>? prompts = null)
    {
        var jobs = _core!.Get<JobService>();
        var created = await jobs.CreateAsync(Owner, new CreateJobCommand("Resilience", "Surviving a bad provider day", Template, Prompts: prompts, Fallback: fallback), CancellationToken.None);
        created.Succeeded.Should().BeTrue(string.Join("; ", created.Errors?.Messages ?? []));
        (await jobs.StartAsync(Owner, created.Job!.Id, CancellationToken.None)).Should().Be(JobCommandOutcome.Done);
        return created.Job.Id;
    }

    private async Task<JobStatus[]> RunAsync(IReadOnlyList<Guid> ids)
    {
        var events = _core!.Get<IJobEvents>();
        var finished = ids.Select(id => events.WaitUntilFinishedAsync(id, JobTimeout)).ToList();
        using var stop = new CancellationTokenSource();
        var loop = _core.Get<WorkerLoop>().RunAsync("worker-resilience", stop.Token);
        try
        {
            return await Task.WhenAll(finished);
        }
        finally
        {
            await stop.CancelAsync();
            await loop;
        }
    }

    private async Task<List<Segment>> SegmentsAsync(IReadOnlyList<Guid> ids)
    {
        await using var db = await _core!.Get<IDbContextFactory<StudioDbContext>>().CreateDbContextAsync();
        return await db.Segments.AsNoTracking().Where(s => ids.Contains(s.JobId)).ToListAsync();
    }
}
