namespace Studio.Tests.Core.Budget;

/// <summary>The same tests as <see cref="NewWorkBudgetTests"/>, on PostgreSQL.</summary>
[Collection(PostgreSqlTests.Name)]
public sealed class NewWorkBudgetOnPostgreSqlTests(PostgreSqlServer server) : NewWorkBudgetTests
{
    protected override TestEngine Engine => TestEngine.PostgreSql(server);
}
