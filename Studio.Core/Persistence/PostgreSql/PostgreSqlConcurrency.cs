using Microsoft.EntityFrameworkCore;

namespace Studio.Core.Persistence.PostgreSql;

/// <summary>
/// PostgreSQL: claims lock their rows (<c>FOR UPDATE SKIP LOCKED</c>), and a check-then-write takes a transaction-level
/// advisory lock named after its scope, which every process sharing the database honours and which ends with the
/// transaction (so a crashed process never leaves one behind).
/// </summary>
internal sealed class PostgreSqlConcurrency : IDatabaseConcurrency
{
    public bool LocksClaimedRows => true;

    public async Task SerializeAsync(StudioDbContext db, string scope, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        await db.Database.ExecuteSqlAsync($"SELECT pg_advisory_xact_lock(hashtextextended({scope}, 0))", ct).ConfigureAwait(false);
    }
}
