namespace Studio.Tests.Core.Analytics;

/// <summary>The same tests as <see cref="AnalyticsQueriesTests"/>, on PostgreSQL: its own SQL gives the same figures.</summary>
[Collection(PostgreSqlTests.Name)]
public sealed class AnalyticsQueriesOnPostgreSqlTests(PostgreSqlServer server) : AnalyticsQueriesTests
{
    protected override TestEngine Engine => TestEngine.PostgreSql(server);
}
