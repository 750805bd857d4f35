namespace Studio.Tests.Core.Admin;

/// <summary>The same tests as <see cref="AdminJobsTests"/>, on PostgreSQL: searches ignore case and the title sort uses NOCASE there too.</summary>
[Collection(PostgreSqlTests.Name)]
public sealed class AdminJobsOnPostgreSqlTests(PostgreSqlServer server) : AdminJobsTests
{
    protected override TestEngine Engine => TestEngine.PostgreSql(server);
}
