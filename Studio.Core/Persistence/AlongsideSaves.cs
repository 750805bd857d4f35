using Microsoft.EntityFrameworkCore;

namespace Studio.Core.Persistence;

/// <summary>Saving a context's changes together with a write EF Core does not track (an <c>ExecuteDelete</c>).</summary>
internal static class AlongsideSaves
{
    /// <summary>
    /// Saves <paramref name="db"/>'s changes; with <paramref name="alongside"/>, runs it after the save in the same
    /// transaction (a clip's reservation given back in the write that books its charge), so both happen or neither.
    /// </summary>
    public static async Task SaveChangesAlongsideAsync(this StudioDbContext db, Func<StudioDbContext, CancellationToken, Task>? alongside, CancellationToken ct)
    {
        if (alongside is null)
        {
            await db.SaveChangesAsync(ct).ConfigureAwait(false);
            return;
        }

        await using var transaction = await db.Database.BeginTransactionAsync(ct).ConfigureAwait(false);
        await db.SaveChangesAsync(ct).ConfigureAwait(false);
        await alongside(db, ct).ConfigureAwait(false);
        await transaction.CommitAsync(ct).ConfigureAwait(false);
    }
}
