using Microsoft.EntityFrameworkCore;
using Studio.Core.Persistence;

namespace Studio.Core.Accounts;

/// <summary>
/// Finds the user a bearer token belongs to. It reads the table on every request and caches nothing, so a revoked
/// token fails on the very next request; it records when a token was last used, at most once a minute per token, so
/// a busy script does not write on every call.
/// </summary>
public sealed class ApiTokenAuthenticator(IDbContextFactory<StudioDbContext> dbFactory, DatabaseWriteGate writeGate, TimeProvider time)
{
    /// <summary>How stale <see cref="ApiToken.LastUsedAt"/> may get before a use is written again: one minute.</summary>
    public static readonly TimeSpan UseRecordInterval = TimeSpan.FromMinutes(1);

    /// <summary>The user id of a valid, unrevoked token; null otherwise.</summary>
    public async Task<string?> FindUserIdAsync(string token, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(token) || token.Length > 200)
        {
            return null;
        }

        var hash = ApiTokenHasher.Hash(token);
        await using var db = await dbFactory.CreateDbContextAsync(ct).ConfigureAwait(false);
        var found = await db.ApiTokens.AsNoTracking()
            .Where(t => t.TokenHash == hash && t.RevokedAt == null)
            .Select(t => new { t.Id, t.UserId, t.LastUsedAt })
            .FirstOrDefaultAsync(ct).ConfigureAwait(false);
        if (found is null)
        {
            return null;
        }

        var now = time.GetUtcNow();
        if (found.LastUsedAt is not { } last || now - last >= UseRecordInterval)
        {
            using var turn = await writeGate.EnterAsync(ct).ConfigureAwait(false);
            await db.ApiTokens.Where(t => t.Id == found.Id)
                .ExecuteUpdateAsync(set => set.SetProperty(t => t.LastUsedAt, now), ct).ConfigureAwait(false);
        }

        return found.UserId;
    }
}
