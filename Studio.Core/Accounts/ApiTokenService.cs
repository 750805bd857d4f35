using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Studio.Core.Common;
using Studio.Core.Persistence;

namespace Studio.Core.Accounts;

/// <summary>
/// A user's personal API tokens: create (shown once, stored as a hash), list, revoke. Revoking takes effect on the next
/// request: <see cref="ApiTokenAuthenticator"/> reads the table on every request and caches nothing. Another user's
/// token is treated exactly like a missing one.
/// </summary>
public sealed partial class ApiTokenService(
    IDbContextFactory<StudioDbContext> dbFactory,
    DatabaseWriteGate writeGate,
    IDatabaseConcurrency concurrency,
    TimeProvider time,
    IOptions<AccountOptions> options,
    ILogger<ApiTokenService> logger,
    IStringLocalizer<ApiTokenService> L)
{
    /// <summary>Longest token name (the column's length).</summary>
    public const int MaxNameLength = 100;

    /// <summary>Creates a token named <paramref name="name"/> (cleaned of control characters) for the user.</summary>
    public async Task<ApiTokenCreation> CreateAsync(string userId, string? name, CancellationToken ct)
    {
        var cleaned = TextInput.Clean(name);
        if (cleaned.Length is 0 or > MaxNameLength)
        {
            var errors = new ValidationErrors();
            errors.Add("name", cleaned.Length == 0
                ? L["Give the token a name, so you can tell it apart later."]
                : L["Token names are at most {0} characters; this one has {1}.", MaxNameLength, cleaned.Length]);
            return new ApiTokenCreation(null, errors, LimitReached: false);
        }

        // Counted and added in one transaction in the user's turn (SQLite: its one writer; PostgreSQL: an advisory lock),
        // so two requests at once, in this process or another, cannot both take the last place.
        using var turn = await writeGate.EnterAsync(ct).ConfigureAwait(false);
        await using var db = await dbFactory.CreateDbContextAsync(ct).ConfigureAwait(false);
        await using var transaction = await db.Database.BeginTransactionAsync(ct).ConfigureAwait(false);
        await concurrency.SerializeAsync(db, "tokens:" + userId, ct).ConfigureAwait(false);
        var held = await db.ApiTokens.CountAsync(t => t.UserId == userId && t.RevokedAt == null, ct).ConfigureAwait(false);
        if (held >= options.Value.MaxTokensPerUser)
        {
            return new ApiTokenCreation(null, null, LimitReached: true);
        }

        var now = time.GetUtcNow();
        var token = ApiTokenHasher.Generate();
        var entity = new ApiToken(Guid.CreateVersion7(now), userId, cleaned, ApiTokenHasher.Hash(token), now);
        db.ApiTokens.Add(entity);
        await db.SaveChangesAsync(ct).ConfigureAwait(false);
        await transaction.CommitAsync(ct).ConfigureAwait(false);
        LogTokenCreated(logger, entity.Id, userId);
        return new ApiTokenCreation(new CreatedApiToken(entity.Id, cleaned, token, now), null, LimitReached: false);
    }

    /// <summary>The user's working tokens, newest first.</summary>
    public async Task<IReadOnlyList<ApiTokenSummary>> ListAsync(string userId, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct).ConfigureAwait(false);
        return await db.ApiTokens.AsNoTracking()
            .Where(t => t.UserId == userId && t.RevokedAt == null)
            .OrderByDescending(t => t.CreatedAt)
            .Select(t => new ApiTokenSummary(t.Id, t.Name, t.CreatedAt, t.LastUsedAt))
            .ToListAsync(ct).ConfigureAwait(false);
    }

    /// <summary>Revokes one of the user's tokens; false when the user has no such working token.</summary>
    public async Task<bool> RevokeAsync(string userId, Guid tokenId, CancellationToken ct)
    {
        using var turn = await writeGate.EnterAsync(ct).ConfigureAwait(false);
        await using var db = await dbFactory.CreateDbContextAsync(ct).ConfigureAwait(false);
        var token = await db.ApiTokens.FirstOrDefaultAsync(t => t.Id == tokenId && t.UserId == userId && t.RevokedAt == null, ct).ConfigureAwait(false);
        if (token is null)
        {
            return false;
        }

        token.Revoke(time.GetUtcNow());
        await db.SaveChangesAsync(ct).ConfigureAwait(false);
        LogTokenRevoked(logger, tokenId, userId);
        return true;
    }

    [LoggerMessage(LogLevel.Information, "Created API token {TokenId} for user {UserId}")]
    private static partial void LogTokenCreated(ILogger logger, Guid tokenId, string userId);

    [LoggerMessage(LogLevel.Information, "Revoked API token {TokenId} of user {UserId}")]
    private static partial void LogTokenRevoked(ILogger logger, Guid tokenId, string userId);
}
