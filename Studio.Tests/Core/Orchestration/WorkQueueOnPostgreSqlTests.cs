using Microsoft.EntityFrameworkCore;
using Studio.Core.Orchestration;
using Studio.Core.Persistence;

namespace Studio.Tests.Core.Orchestration;

/// <summary>The same tests as <see cref="WorkQueueTests"/>, on PostgreSQL, and what only row locks give.</summary>
[Collection(PostgreSqlTests.Name)]
public sealed class WorkQueueOnPostgreSqlTests(PostgreSqlServer server) : WorkQueueTests
{
    protected override TestEngine Engine => TestEngine.PostgreSql(server);

    [Fact]
    public async Task Claim_SegmentAnotherWorkerIsClaiming_IsSkippedWithoutWaiting()
    {
        var first = await StartJobAsync("agency", ShortTemplate);
        var second = await StartJobAsync("newcomer", ShortTemplate);

        // Another worker's claim under way: its transaction holds the first job's next segment.
        await using var other = await Core.Get<IDbContextFactory<StudioDbContext>>().CreateDbContextAsync();
        await using var transaction = await other.Database.BeginTransactionAsync();
        var held = await other.Segments.Where(s => s.JobId == first).OrderBy(s => s.Index).Take(1).ForClaim().SingleAsync();

        var claimed = await Core.Get<WorkQueue>().ClaimSegmentsAsync("worker-2", 8, CancellationToken.None).WaitAsync(TimeSpan.FromSeconds(10));

        claimed.Should().NotBeEmpty("the other job's segment is free").And.NotContain(w => w.Segment.Id == held.Id);
        claimed.Should().Contain(w => w.Job.JobId == second);
    }
}
