using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Studio.Core.Persistence;
using Studio.Core.Persistence.PostgreSql;

namespace Studio.Tests.Core.Persistence;

/// <summary>Choosing the database: the default stays SQLite with its migrations as they were; PostgreSQL needs its connection string.</summary>
public sealed class DatabaseProviderTests
{
    [Fact]
    public async Task Start_PostgreSqlWithoutConnectionString_RefusesNamingTheSetting()
    {
        var start = () => CoreHost.StartAsync(new Dictionary<string, string?> { ["Studio:Database:Provider"] = "PostgreSql" });

        (await start.Should().ThrowAsync<OptionsValidationException>())
            .Which.Message.Should().Contain("Studio:Database:ConnectionString");
    }

    [Fact]
    public async Task Start_NothingConfigured_IsSqliteWithTheSameMigrationHistory()
    {
        await using var core = await CoreHost.StartAsync();
        await using var db = await core.Get<IDbContextFactory<StudioDbContext>>().CreateDbContextAsync();

        db.Database.IsSqlite().Should().BeTrue();
        db.Should().NotBeOfType<PostgreSqlStudioDbContext>();
        var applied = (await db.Database.GetAppliedMigrationsAsync()).ToList();
        applied.Should().StartWith(["20261125125255_Initial", "20261125143326_FinishedCut", "20261125143726_DurableSegmentWork"],
            "existing data folders keep their history rows");
        (await db.Database.GetPendingMigrationsAsync()).Should().BeEmpty();
    }

    [Fact]
    public void Migrations_EachProviderHasItsOwnSet()
    {
        using var sqlite = new StudioDbContext(new DbContextOptionsBuilder<StudioDbContext>().UseSqlite("Data Source=:memory:").Options);
        using var postgres = new PostgreSqlDesignTimeDbContextFactory().CreateDbContext([]);

        var sqliteSet = sqlite.Database.GetMigrations().ToList();
        var postgresSet = postgres.Database.GetMigrations().ToList();

        postgresSet.Should().NotBeEmpty().And.NotIntersectWith(sqliteSet);
        sqlite.Model.GetEntityTypes().Select(e => e.GetTableName()).Should()
            .BeEquivalentTo(postgres.Model.GetEntityTypes().Select(e => e.GetTableName()), "one model over both engines");
    }
}
