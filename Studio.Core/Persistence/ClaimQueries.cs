using Microsoft.EntityFrameworkCore;

namespace Studio.Core.Persistence;

/// <summary>Marks the queries whose rows a worker is about to claim.</summary>
public static class ClaimQueries
{
    /// <summary>The tag the PostgreSQL command interceptor looks for.</summary>
    internal const string Tag = "studio:claim";

    /// <summary>
    /// On PostgreSQL the rows read are locked until the transaction ends and rows locked by another worker are skipped
    /// (<c>FOR UPDATE SKIP LOCKED</c>), so many workers claim different rows without waiting for each other; on SQLite
    /// the tag is a mere comment. Use on a plain query of one table (no Include), inside a transaction.
    /// </summary>
    public static IQueryable<T> ForClaim<T>(this IQueryable<T> query) => query.TagWith(Tag);
}
