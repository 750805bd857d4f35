namespace Studio.Tests.Core.Orchestration;

/// <summary>The same tests as <see cref="OrchestrationTests"/>, on PostgreSQL.</summary>
[Collection(PostgreSqlTests.Name)]
public sealed class OrchestrationOnPostgreSqlTests(PostgreSqlServer server) : OrchestrationTests
{
    protected override TestEngine Engine => TestEngine.PostgreSql(server);
}
