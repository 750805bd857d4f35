using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Studio.Core.Persistence;
using Studio.Core.Templates;

namespace Studio.Tests.Builders;

/// <summary>A real SQLite database file in a temp folder, migrated as in production, with the default templates.</summary>
public sealed class TestDatabase : IDbContextFactory<StudioDbContext>, IAsyncDisposable
{
    private readonly TempFolder _folder = new();

    private TestDatabase()
    {
        Options = new DbContextOptionsBuilder<StudioDbContext>()
            .UseSqlite($"Data Source={_folder.File("studio.db")};Pooling=false;Default Timeout=30")
            .Options;
    }

    public DbContextOptions<StudioDbContext> Options { get; }

    public string Folder => _folder.Path;

    public static async Task<TestDatabase> CreateAsync(TimeProvider? time = null)
    {
        var database = new TestDatabase();
        await new DatabaseMigrator(database).MigrateAsync(CancellationToken.None);
        await new TemplateSeeder(database, time ?? TimeProvider.System).SeedAsync(CancellationToken.None);
        return database;
    }

    public StudioDbContext CreateDbContext() => new(Options);

    public ValueTask DisposeAsync()
    {
        SqliteConnection.ClearAllPools();
        _folder.Dispose();
        return ValueTask.CompletedTask;
    }
}
