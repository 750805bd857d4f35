using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Studio.Core.Jobs;
using Studio.Core.Orchestration;
using Studio.Core.Persistence;
using Studio.Core.Providers;
using Studio.Core.Segments;
using Studio.Core.Templates;
using Studio.Core.Common;

namespace Studio.Tests.Core.Orchestration;

/// <summary>The durable work queue over real SQLite: who gets which segment, when, and never twice.</summary>
public class WorkQueueTests : IAsyncLifetime
{
    protected virtual TestEngine Engine => TestEngine.Sqlite;

    protected const string ShortTemplate = Short;
    private const string Long = "Queue Long 50";
    private const string Short = "Queue Short 6";
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 11, 25, 12, 0, 0, TimeSpan.Zero));
    private CoreHost _core = null!;

    public async Task InitializeAsync()
    {
        _core = await CoreHost.StartAsync(
            new Dictionary<string, string?>
            {
                ["Studio:Workers:ProviderLimits:local"] = "4",
                ["Studio:Workers:ProviderLimits:paid"] = "2",
                ["Studio:Workers:Lease"] = "00:01:00",
            },
            services =>
            {
                services.AddSingleton<TimeProvider>(_time);
                services.AddSingleton<IVideoProvider>(new InertVideoProvider("paid", 0.5m));
            },
            Engine);
        await _core.AddTemplateAsync(new VideoTemplate(Guid.NewGuid(), Long, "", AspectRatio.Square1x1, 50, 1, "local", GenerationMode.TextToVideo, "", [], _time.GetUtcNow()));
        await _core.AddTemplateAsync(new VideoTemplate(Guid.NewGuid(), Short, "", AspectRatio.Square1x1, 6, 1, "local", GenerationMode.TextToVideo, "", [], _time.GetUtcNow()));
    }

    public async Task DisposeAsync() => await _core.DisposeAsync();

    [Fact]
    public async Task Claim_BigJobFirst_DoesNotStarveAnotherUsersQuickVideo()
    {
        var big = await StartJobAsync("agency", Long);
        _time.Advance(TimeSpan.FromSeconds(1));
        var quick = await StartJobAsync("newcomer", Short);
        var queue = _core.Get<WorkQueue>();

        var claimed = new List<SegmentWork>();
        for (var round = 0; round < 10; round++)
        {
            claimed.AddRange(await queue.ClaimSegmentsAsync("worker-1", 8, CancellationToken.None));
        }

        claimed.Should().HaveCount(4, "the local provider runs at most 4 generations at once");
        claimed.Count(w => w.Job.JobId == big).Should().Be(2);
        claimed.Count(w => w.Job.JobId == quick).Should().Be(2, "the quick video gets its share although the 50-segment job came first");
        claimed.Should().AllSatisfy(w => w.Segment.Status.Should().Be(SegmentStatus.Submitting));
        (await StatusOfAsync(big)).Should().Be(JobStatus.Running);
    }

    [Fact]
    public async Task Claim_ProviderAtItsLimit_LetsOtherProvidersJobsGoOn()
    {
        var paid = await StartJobAsync("u1", Short, provider: "paid");
        var local = await StartJobAsync("u2", Short);
        var queue = _core.Get<WorkQueue>();

        var claimed = new List<SegmentWork>();
        for (var round = 0; round < 10; round++)
        {
            claimed.AddRange(await queue.ClaimSegmentsAsync("worker-1", 8, CancellationToken.None));
        }

        claimed.Count(w => w.Job.JobId == paid).Should().Be(2, "'paid' allows 2 generations in flight");
        claimed.Count(w => w.Job.JobId == local).Should().Be(4);
    }

    [Fact]
    public async Task Claim_SegmentGivenBackWithADueTime_IsNotTakenBeforeIt_AndPollsComeBeforeNewSubmissions()
    {
        var jobId = await StartJobAsync("u1", Short);
        var queue = _core.Get<WorkQueue>();
        var first = (await queue.ClaimSegmentsAsync("worker-1", 1, CancellationToken.None)).Single();
        await ChangeSegmentAsync(first.Segment.Id, s =>
        {
            s.MarkSubmitted("prov-1");
            s.ReportRendering(0.3);
            s.Release(_time.GetUtcNow() + TimeSpan.FromSeconds(5));
        });

        var early = await queue.ClaimSegmentsAsync("worker-2", 1, CancellationToken.None);
        early.Single().Segment.Id.Should().NotBe(first.Segment.Id, "its next poll is not due yet");
        (await queue.NextDueAsync(CancellationToken.None)).Should().Be(_time.GetUtcNow() + TimeSpan.FromSeconds(5));

        _time.Advance(TimeSpan.FromSeconds(5));
        var due = await queue.ClaimSegmentsAsync("worker-2", 1, CancellationToken.None);

        due.Single().Segment.Id.Should().Be(first.Segment.Id, "a due poll comes before a new submission");
        due.Single().Segment.Status.Should().Be(SegmentStatus.Rendering);
        due.Single().Job.JobId.Should().Be(jobId);
    }

    [Fact]
    public async Task Claim_HeldSegment_IsTakenOverOnlyAfterItsLeaseRunsOut_AndAsResumedWhenCaughtSubmitting()
    {
        await StartJobAsync("u1", Short);
        var queue = _core.Get<WorkQueue>();
        var held = (await queue.ClaimSegmentsAsync("worker-1", 1, CancellationToken.None)).Single();

        _time.Advance(TimeSpan.FromSeconds(59));
        (await queue.ClaimSegmentsAsync("worker-2", 8, CancellationToken.None)).Should().NotContain(w => w.Segment.Id == held.Segment.Id);

        _time.Advance(TimeSpan.FromSeconds(2));
        var taken = (await queue.ClaimSegmentsAsync("worker-2", 8, CancellationToken.None)).Single(w => w.Segment.Id == held.Segment.Id);

        taken.Resumed.Should().BeTrue("worker-1 stopped between asking the provider and saving its answer");
        taken.Segment.LeaseOwner.Should().Be("worker-2");
        taken.Segment.Attempts.Should().Be(1, "taking over is not a new attempt");
    }

    [Fact]
    public async Task Claim_ByWorkersRacing_NeverHandsOneSegmentToTwo()
    {
        for (var i = 0; i < 12; i++)
        {
            await StartJobAsync($"user-{i % 3}", Short);
        }

        var queue = _core.Get<WorkQueue>();
        var claims = await Task.WhenAll(Enumerable.Range(0, 6).Select(w => Task.Run(async () =>
        {
            var mine = new List<Guid>();
            for (var round = 0; round < 5; round++)
            {
                mine.AddRange((await queue.ClaimSegmentsAsync($"worker-{w}", 2, CancellationToken.None)).Select(c => c.Segment.Id));
            }

            return mine;
        })));

        var all = claims.SelectMany(c => c).ToList();
        all.Should().OnlyHaveUniqueItems();
        all.Should().HaveCount(4, "the provider's limit holds however many workers ask");
    }

    [Fact]
    public async Task FindUnsettledJobs_FindsARunningJobWhoseSegmentsAreAllDone()
    {
        var jobId = await StartJobAsync("u1", Short);
        await using (var db = await _core.Get<IDbContextFactory<StudioDbContext>>().CreateDbContextAsync())
        {
            var job = await db.Jobs.Include(j => j.Segments).SingleAsync(j => j.Id == jobId);
            job.MarkRunning(_time.GetUtcNow());
            foreach (var segment in job.Segments)
            {
                segment.Claim("w", _time.GetUtcNow(), TimeSpan.FromMinutes(1));
                segment.Fail(StoredText.Verbatim("refused"), _time.GetUtcNow());
            }

            await db.SaveChangesAsync();
        }

        (await _core.Get<WorkQueue>().FindUnsettledJobsAsync(CancellationToken.None)).Should().Equal(jobId);
        await _core.Get<JobSettler>().SettleAsync(jobId, CancellationToken.None);

        (await StatusOfAsync(jobId)).Should().Be(JobStatus.Failed);
        (await _core.Get<WorkQueue>().FindUnsettledJobsAsync(CancellationToken.None)).Should().BeEmpty();
    }

    [Fact]
    public async Task ClaimAssembly_ByWorkersRacing_HandsEachCutToOneWorker()
    {
        for (var i = 0; i < 8; i++)
        {
            var jobId = await StartJobAsync($"user-{i}", Short);
            await using var db = await _core.Get<IDbContextFactory<StudioDbContext>>().CreateDbContextAsync();
            var job = await db.Jobs.Include(j => j.Segments).SingleAsync(j => j.Id == jobId);
            job.MarkRunning(_time.GetUtcNow());
            foreach (var segment in job.Segments)
            {
                segment.Claim("w", _time.GetUtcNow(), TimeSpan.FromMinutes(1));
                segment.MarkSubmitted($"p-{segment.Id:N}");
                segment.BeginDownload();
                db.Takes.Add(segment.Succeed($"jobs/{jobId:N}/takes/{segment.Index}-1.mp4", _time.GetUtcNow()));
            }

            job.BeginAssembly();
            await db.SaveChangesAsync();
        }

        var queue = _core.Get<WorkQueue>();
        var claims = await Task.WhenAll(Enumerable.Range(0, 4).Select(w => Task.Run(async () =>
        {
            var mine = new List<Guid>();
            while (await queue.ClaimAssemblyAsync($"assembler-{w}", [], CancellationToken.None) is { } id)
            {
                mine.Add(id);
            }

            return mine;
        })));

        claims.SelectMany(c => c).Should().HaveCount(8).And.OnlyHaveUniqueItems("a claim that lost the race must not be reported as won");
        await using var check = await _core.Get<IDbContextFactory<StudioDbContext>>().CreateDbContextAsync();
        var owners = await check.Jobs.Select(j => new { j.Id, j.LeaseOwner }).ToListAsync();
        foreach (var (claimsOfWorker, w) in claims.Select((c, w) => (c, w)).Where(c => c.c.Count > 0))
        {
            owners.Where(o => claimsOfWorker.Contains(o.Id)).Should().AllSatisfy(o => o.LeaseOwner.Should().Be($"assembler-{w}", "each claim reported won is saved"));
        }
    }

    protected CoreHost Core => _core;

    protected async Task<Guid> StartJobAsync(string owner, string template, string? provider = null)
    {
        var jobs = _core.Get<JobService>();
        var created = await jobs.CreateAsync(owner, new CreateJobCommand(null, $"Queue test for {owner}", template, provider), CancellationToken.None);
        created.Succeeded.Should().BeTrue(string.Join("; ", created.Errors?.Messages ?? []));
        (await jobs.StartAsync(owner, created.Job!.Id, CancellationToken.None)).Should().Be(JobCommandOutcome.Done);
        return created.Job.Id;
    }

    private async Task ChangeSegmentAsync(Guid segmentId, Action<Segment> change)
    {
        await using var db = await _core.Get<IDbContextFactory<StudioDbContext>>().CreateDbContextAsync();
        var segment = await db.Segments.SingleAsync(s => s.Id == segmentId);
        change(segment);
        await db.SaveChangesAsync();
    }

    private async Task<JobStatus> StatusOfAsync(Guid jobId)
    {
        await using var db = await _core.Get<IDbContextFactory<StudioDbContext>>().CreateDbContextAsync();
        return await db.Jobs.Where(j => j.Id == jobId).Select(j => j.Status).SingleAsync();
    }
}
