using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace Studio.Core.Persistence;

/// <summary>Brings the database to the current schema.</summary>
public sealed class DatabaseMigrator(IDbContextFactory<StudioDbContext> dbFactory)
{
    /// <summary>Applies pending migrations; on SQLite also turns on write-ahead logging so readers never block the workers.</summary>
    public async Task MigrateAsync(CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct).ConfigureAwait(false);
        if (db.Database.IsSqlite())
        {
            var file = new SqliteConnectionStringBuilder(db.Database.GetConnectionString()).DataSource;
            var folder = Path.GetDirectoryName(Path.GetFullPath(file));
            if (!string.IsNullOrEmpty(folder))
            {
                Directory.CreateDirectory(folder);
            }
        }

        await db.Database.MigrateAsync(ct).ConfigureAwait(false);
        if (db.Database.IsSqlite())
        {
            await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;", ct).ConfigureAwait(false);
        }
    }
}
