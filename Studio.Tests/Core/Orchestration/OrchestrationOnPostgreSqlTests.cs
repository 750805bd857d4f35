using Studio.Core.Events;
using Studio.Core.Persistence;

namespace Studio.Tests.Core.Orchestration;

/// <summary>The same tests as <see cref="OrchestrationTests"/>, on PostgreSQL with job events over Redis.</summary>
[Collection(PostgreSqlTests.Name)]
public sealed class OrchestrationOnPostgreSqlTests(PostgreSqlServer server) : OrchestrationTests
{
    protected override TestEngine Engine => TestEngine.PostgreSql(server);

    [Fact]
    public async Task Engine_IsPostgreSqlWithEventsOverRedis()
    {
        await using var host = await CoreHost.StartAsync(engine: Engine);

        host.Get<IDatabaseConcurrency>().LocksClaimedRows.Should().BeTrue("PostgreSQL locks the rows it claims");
        host.Get<IJobEvents>().Should().BeOfType<RedisJobEvents>();
    }
}
