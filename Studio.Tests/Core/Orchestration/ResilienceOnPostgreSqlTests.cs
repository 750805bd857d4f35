namespace Studio.Tests.Core.Orchestration;

/// <summary>The same tests as <see cref="ResilienceTests"/>, on PostgreSQL.</summary>
[Collection(PostgreSqlTests.Name)]
public sealed class ResilienceOnPostgreSqlTests(PostgreSqlServer server) : ResilienceTests
{
    protected override TestEngine Engine => TestEngine.PostgreSql(server);
}
