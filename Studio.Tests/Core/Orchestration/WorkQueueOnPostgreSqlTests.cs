namespace Studio.Tests.Core.Orchestration;

/// <summary>The same tests as <see cref="WorkQueueTests"/>, on PostgreSQL.</summary>
[Collection(PostgreSqlTests.Name)]
public sealed class WorkQueueOnPostgreSqlTests(PostgreSqlServer server) : WorkQueueTests
{
    protected override TestEngine Engine => TestEngine.PostgreSql(server);
}
