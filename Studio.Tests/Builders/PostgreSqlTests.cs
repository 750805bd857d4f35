namespace Studio.Tests.Builders;

/// <summary>The test classes that share the run's <see cref="PostgreSqlServer"/>.</summary>
[CollectionDefinition(Name)]
public sealed class PostgreSqlTests : ICollectionFixture<PostgreSqlServer>
{
    public const string Name = "PostgreSQL";
}
