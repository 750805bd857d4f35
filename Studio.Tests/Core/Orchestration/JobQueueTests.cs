using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using Studio.Core.Jobs;
using Studio.Core.Orchestration;
using Studio.Tests.Builders;

namespace Studio.Tests.Core.Orchestration;

public sealed class JobQueueTests : IAsyncLifetime
{
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 11, 25, 12, 0, 0, TimeSpan.Zero));
    private readonly IOptions<WorkerOptions> _options = Options.Create(new WorkerOptions { Lease = TimeSpan.FromSeconds(60) });
    private TestDatabase _db = null!;
    private JobQueue _queue = null!;

    public async Task InitializeAsync()
    {
        _db = await TestDatabase.CreateAsync(_time);
        _queue = new JobQueue(_db, _time, _options);
    }

    public async Task DisposeAsync() => await _db.DisposeAsync();

    [Fact]
    public async Task TryClaim_NothingQueued_ReturnsNull()
    {
        await AddAsync(new JobBuilder().Build());

        var claimed = await _queue.TryClaimAsync("worker-a", [], CancellationToken.None);

        claimed.Should().BeNull("a Draft job is not work");
    }

    [Fact]
    public async Task TryClaim_OldestQueuedFirst()
    {
        var older = await AddAsync(new JobBuilder().Queued().CreatedAt(_time.GetUtcNow().AddMinutes(-5)).Build());
        await AddAsync(new JobBuilder().Queued().Build());

        var claimed = await _queue.TryClaimAsync("worker-a", [], CancellationToken.None);

        claimed.Should().Be(older.Id);
        var stored = await LoadAsync(older.Id);
        stored.Status.Should().Be(JobStatus.Running);
        stored.LeaseOwner.Should().Be("worker-a");
    }

    [Fact]
    public async Task TryClaim_ManyWorkersAtOnce_EachJobGoesToExactlyOne()
    {
        var jobs = new List<Guid>();
        for (var i = 0; i < 5; i++)
        {
            jobs.Add((await AddAsync(new JobBuilder().Queued().CreatedAt(_time.GetUtcNow().AddSeconds(i)).Build())).Id);
        }

        var claims = await Task.WhenAll(Enumerable.Range(0, 10).Select(w =>
            Task.Run(() => _queue.TryClaimAsync($"worker-{w}", [], CancellationToken.None))));

        var won = claims.Where(c => c is not null).Select(c => c!.Value).ToList();
        won.Should().OnlyHaveUniqueItems();
        won.Should().BeSubsetOf(jobs);
        won.Should().HaveCount(5);
    }

    [Fact]
    public async Task TryClaim_LeaseExpired_AnotherWorkerTakesOver()
    {
        var job = await AddAsync(new JobBuilder().Queued().Build());
        (await _queue.TryClaimAsync("worker-a", [], CancellationToken.None)).Should().Be(job.Id);

        (await _queue.TryClaimAsync("worker-b", [], CancellationToken.None)).Should().BeNull("worker-a's lease still holds");
        _time.Advance(TimeSpan.FromSeconds(61));
        var claimed = await _queue.TryClaimAsync("worker-b", [], CancellationToken.None);

        claimed.Should().Be(job.Id);
        (await LoadAsync(job.Id)).LeaseOwner.Should().Be("worker-b");
    }

    [Fact]
    public async Task Renew_ByHolder_ExtendsLease_ByOther_Refused()
    {
        var job = await AddAsync(new JobBuilder().Queued().Build());
        await _queue.TryClaimAsync("worker-a", [], CancellationToken.None);
        _time.Advance(TimeSpan.FromSeconds(40));

        (await _queue.RenewAsync(job.Id, "worker-b", CancellationToken.None)).Should().BeFalse();
        (await _queue.RenewAsync(job.Id, "worker-a", CancellationToken.None)).Should().BeTrue();

        (await LoadAsync(job.Id)).LeaseUntil.Should().Be(_time.GetUtcNow() + TimeSpan.FromSeconds(60));
    }

    [Fact]
    public async Task Release_LetsTheNextWorkerResumeAtOnce()
    {
        var job = await AddAsync(new JobBuilder().Queued().Build());
        await _queue.TryClaimAsync("worker-a", [], CancellationToken.None);

        await _queue.ReleaseAsync(job.Id, "worker-a", CancellationToken.None);
        _time.Advance(TimeSpan.FromMilliseconds(1));

        (await _queue.TryClaimAsync("worker-b", [], CancellationToken.None)).Should().Be(job.Id);
    }

    private async Task<Studio.Core.Jobs.ProductionJob> AddAsync(Studio.Core.Jobs.ProductionJob job)
    {
        await using var db = _db.CreateDbContext();
        db.Jobs.Add(job);
        await db.SaveChangesAsync();
        return job;
    }

    private async Task<Studio.Core.Jobs.ProductionJob> LoadAsync(Guid id)
    {
        await using var db = _db.CreateDbContext();
        return await db.Jobs.AsNoTracking().SingleAsync(j => j.Id == id);
    }
}
