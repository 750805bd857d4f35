using Microsoft.EntityFrameworkCore;
using Studio.Core.Persistence;

namespace Studio.Core.Accounts;

/// <summary>Finds the user a bearer token belongs to.</summary>
public sealed class ApiTokenAuthenticator(IDbContextFactory<StudioDbContext> dbFactory)
{
    /// <summary>The user id of a valid, unrevoked token; null otherwise.</summary>
    public async Task<string?> FindUserIdAsync(string token, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(token) || token.Length > 200)
        {
            return null;
        }

        var hash = ApiTokenHasher.Hash(token);
        await using var db = await dbFactory.CreateDbContextAsync(ct).ConfigureAwait(false);
        return await db.ApiTokens.AsNoTracking()
            .Where(t => t.TokenHash == hash && t.RevokedAt == null)
            .Select(t => t.UserId)
            .FirstOrDefaultAsync(ct).ConfigureAwait(false);
    }
}
