using Microsoft.EntityFrameworkCore;
using Studio.Core.Events;
using Studio.Core.Jobs;
using Studio.Core.Orchestration;
using Studio.Core.Persistence;
using Studio.Core.Segments;
using Studio.Core.Templates;
using Studio.Providers.Sim;
using Studio.Tests.Builders;
using Studio.Tests.Providers.Sim;

namespace Studio.Tests.Core.Orchestration;

/// <summary>
/// Two Core hosts, each with its own worker loop, sharing one PostgreSQL database, one Redis, one file store folder and
/// one simulated provider: one host dies mid-run and the other finishes every job without paying for any clip twice.
/// A third host that runs no work (a web node) hears every job complete through Redis.
/// </summary>
[Collection(PostgreSqlTests.Name)]
public sealed class TwoHostsOnPostgreSqlTests(PostgreSqlServer server, RedisServer redis) : IClassFixture<RedisServer>
{
    private const string Owner = "user-1";
    private const string Template = "Shared Square 3x1";
    private const int Jobs = 4;

    [Fact]
    public async Task OneHostDiesMidRun_TheOtherFinishesEveryJob_EverySegmentSubmittedOnce()
    {
        await using var sim = SimTestServer.Start(o =>
        {
            o.PollsBeforeDone = 3;
            o.PlainClips = true;
        });
        using var files = new TempFolder();
        var database = await server.CreateDatabaseAsync();

        // The host that dies logs in as its own role, so that its sessions can be cut like a crashed machine's.
        var role = "worker_" + Guid.NewGuid().ToString("N")[..8];
        await server.ExecuteAsync($"CREATE ROLE {role} LOGIN SUPERUSER");
        var prefix = RedisServer.NewPrefix();
        await using var survivor = await CoreHost.StartAsync(Settings(database, files.Path, sim, prefix));
        await using var doomed = await CoreHost.StartAsync(Settings(database.Replace("Username=postgres", $"Username={role}", StringComparison.Ordinal), files.Path, sim, prefix));
        await using var web = await CoreHost.StartAsync(Settings(database, files.Path, sim, prefix));
        var heard = new JobChangeInbox();
        using var subscription = web.Get<IJobEvents>().SubscribeToOwner(Owner, heard.Add);
        await survivor.AddTemplateAsync(new VideoTemplate(
            Guid.NewGuid(), Template, "", AspectRatio.Square1x1, 3, 1, "sim", GenerationMode.TextToVideo, "", [], DateTimeOffset.UtcNow));
        var ids = new List<Guid>();
        for (var i = 0; i < Jobs; i++)
        {
            ids.Add(await StartJobAsync(survivor.Get<JobService>(), i));
        }

        using var stopDoomed = new CancellationTokenSource();
        using var stopSurvivor = new CancellationTokenSource();
        var doomedLoop = doomed.Get<WorkerLoop>().RunAsync("doomed", stopDoomed.Token);
        var survivorLoop = survivor.Get<WorkerLoop>().RunAsync("survivor", stopSurvivor.Token);
        try
        {
            // Mid-run: the doomed host holds clips it has submitted and not yet downloaded.
            var held = await HeldByAsync(survivor, "doomed", TimeSpan.FromMinutes(1));
            held.Should().NotBeEmpty("the doomed host must die holding work for the test to mean anything");

            // Abruptly: its sessions are cut and it may not log in again, so nothing it holds is given back.
            await server.ExecuteAsync($"ALTER ROLE {role} NOLOGIN; SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE usename = '{role}'");
            await stopDoomed.CancelAsync();
            await doomedLoop.WaitAsync(TimeSpan.FromSeconds(30)).ContinueWith(_ => { }, TaskScheduler.Default);

            var statuses = await WaitUntilFinishedAsync(survivor, ids, TimeSpan.FromMinutes(3));

            statuses.Should().AllSatisfy(s => s.Should().Be(JobStatus.Completed));
            await using var db = await survivor.Get<IDbContextFactory<StudioDbContext>>().CreateDbContextAsync();
            var segments = await db.Segments.AsNoTracking().Where(s => ids.Contains(s.JobId)).ToListAsync();
            segments.Where(s => held.Contains(s.Id)).Should().AllSatisfy(s => s.Status.Should().Be(SegmentStatus.Succeeded), "the survivor took over what the doomed host held");
            segments.Should().HaveCount(Jobs * 3).And.AllSatisfy(s => s.Status.Should().Be(SegmentStatus.Succeeded));
            segments.Should().AllSatisfy(s => sim.SubmissionsFor(s.Id).Should().Be(1, "segment {0} was paid for once", s.Index));
            (await db.Segments.AnyAsync(s => s.LeaseOwner == "survivor")).Should().BeFalse();
            sim.TotalSubmissions.Should().Be(Jobs * 3);

            // The web node ran nothing: every completion it heard came from the survivor over Redis.
            web.Get<IJobEvents>().Should().BeOfType<RedisJobEvents>();
            await WaitUntilAsync(() => ids.All(id => heard.Received.Any(c => c.JobId == id && c.Status == JobStatus.Completed)), TimeSpan.FromSeconds(10));
            heard.Received.Where(c => c.Status == JobStatus.Completed).Select(c => c.JobId).Distinct().Should().BeEquivalentTo(ids);
        }
        finally
        {
            await stopSurvivor.CancelAsync();
            await survivorLoop;
        }
    }

    private Dictionary<string, string?> Settings(string connectionString, string dataFolder, SimServer sim, string prefix) => new()
    {
        ["Studio:Redis:Connection"] = redis.Connection,
        ["Studio:Redis:Prefix"] = prefix,
        ["Studio:Database:Provider"] = "PostgreSql",
        ["Studio:Database:ConnectionString"] = connectionString,
        ["Studio:DataDirectory"] = dataFolder,
        ["Studio:Providers:Sim:BaseUrl"] = sim.BaseAddress.ToString(),
        ["Studio:Workers:StatusPoll"] = "00:00:00.050",
        ["Studio:Workers:MaxStatusPoll"] = "00:00:00.300",
        ["Studio:Workers:RetryDelay"] = "00:00:00.100",
        ["Studio:Workers:IdlePoll"] = "00:00:00.200",
        ["Studio:Workers:Lease"] = "00:00:02",
        ["Studio:Workers:ProviderLimits:sim"] = "8",
    };

    private static async Task<Guid> StartJobAsync(JobService jobs, int number)
    {
        var created = await jobs.CreateAsync(Owner, new CreateJobCommand("Shared", $"Two hosts, job {number}", Template), CancellationToken.None);
        created.Succeeded.Should().BeTrue(string.Join("; ", created.Errors?.Messages ?? []));
        (await jobs.StartAsync(Owner, created.Job!.Id, CancellationToken.None)).Should().Be(JobCommandOutcome.Done);
        return created.Job.Id;
    }

    private static async Task<List<Guid>> HeldByAsync(CoreHost host, string worker, TimeSpan timeout)
    {
        var until = DateTimeOffset.UtcNow + timeout;
        while (true)
        {
            await using var db = await host.Get<IDbContextFactory<StudioDbContext>>().CreateDbContextAsync();
            var held = await db.Segments.AsNoTracking()
                .Where(s => s.LeaseOwner == worker && (s.Status == SegmentStatus.Submitted || s.Status == SegmentStatus.Rendering))
                .Select(s => s.Id).ToListAsync();
            if (held.Count > 0 || DateTimeOffset.UtcNow > until)
            {
                return held;
            }

            await Task.Delay(TimeSpan.FromMilliseconds(20));
        }
    }

    private static async Task WaitUntilAsync(Func<bool> condition, TimeSpan timeout)
    {
        var until = DateTimeOffset.UtcNow + timeout;
        while (!condition() && DateTimeOffset.UtcNow < until)
        {
            await Task.Delay(TimeSpan.FromMilliseconds(50));
        }
    }

    // The finish is read from the database: it is the truth, and what the assertions then check.
    private static async Task<JobStatus[]> WaitUntilFinishedAsync(CoreHost host, List<Guid> ids, TimeSpan timeout)
    {
        var until = DateTimeOffset.UtcNow + timeout;
        while (true)
        {
            await using var db = await host.Get<IDbContextFactory<StudioDbContext>>().CreateDbContextAsync();
            var statuses = await db.Jobs.AsNoTracking().Where(j => ids.Contains(j.Id)).Select(j => j.Status).ToArrayAsync();
            if (statuses.All(s => s is JobStatus.Completed or JobStatus.Failed or JobStatus.Cancelled) || DateTimeOffset.UtcNow > until)
            {
                return statuses;
            }

            await Task.Delay(TimeSpan.FromMilliseconds(200));
        }
    }
}
