namespace Studio.Tests.Core.Budget;

/// <summary>The same tests as <see cref="BudgetGuardTests"/>, on PostgreSQL: the clips' reservations live in the database.</summary>
[Collection(PostgreSqlTests.Name)]
public sealed class BudgetGuardOnPostgreSqlTests(PostgreSqlServer server) : BudgetGuardTests
{
    protected override TestEngine Engine => TestEngine.PostgreSql(server);
}
