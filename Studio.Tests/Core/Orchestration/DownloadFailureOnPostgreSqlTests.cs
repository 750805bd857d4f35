namespace Studio.Tests.Core.Orchestration;

/// <summary>The same tests as <see cref="DownloadFailureTests"/>, on PostgreSQL.</summary>
[Collection(PostgreSqlTests.Name)]
public sealed class DownloadFailureOnPostgreSqlTests(PostgreSqlServer server) : DownloadFailureTests
{
    protected override TestEngine Engine => TestEngine.PostgreSql(server);
}
