namespace Studio.Tests.Core.Analytics;

/// <summary>The same tests as <see cref="DashboardQueriesTests"/>, on PostgreSQL: its own SQL gives the same figures.</summary>
[Collection(PostgreSqlTests.Name)]
public sealed class DashboardQueriesOnPostgreSqlTests(PostgreSqlServer server) : DashboardQueriesTests
{
    protected override TestEngine Engine => TestEngine.PostgreSql(server);
}
