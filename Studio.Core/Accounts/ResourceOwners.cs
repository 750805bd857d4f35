using Microsoft.EntityFrameworkCore;
using Studio.Core.Persistence;

namespace Studio.Core.Accounts;

/// <summary>The kinds of resources that belong to one user.</summary>
public enum OwnedKind
{
    /// <summary>A job, with its segments, takes and downloads.</summary>
    Job,

    /// <summary>An uploaded asset.</summary>
    Asset,

    /// <summary>A personal API token.</summary>
    ApiToken,
}

/// <summary>A resource of one user, as the ownership policy sees it.</summary>
/// <param name="Kind">What it is.</param>
/// <param name="Id">Its id.</param>
/// <param name="OwnerId">The user it belongs to.</param>
public sealed record OwnedResource(OwnedKind Kind, Guid Id, string OwnerId);

/// <summary>Finds whom a resource belongs to, for the one ownership policy every route of a user's resource goes through.</summary>
public sealed class ResourceOwners(IDbContextFactory<StudioDbContext> dbFactory)
{
    /// <summary>The resource with its owner, or null when there is no such resource.</summary>
    public async Task<OwnedResource?> FindAsync(OwnedKind kind, Guid id, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct).ConfigureAwait(false);
        var owner = kind switch
        {
            OwnedKind.Job => await db.Jobs.AsNoTracking().Where(j => j.Id == id).Select(j => j.OwnerId).FirstOrDefaultAsync(ct).ConfigureAwait(false),
            OwnedKind.Asset => await db.Assets.AsNoTracking().Where(a => a.Id == id).Select(a => a.OwnerId).FirstOrDefaultAsync(ct).ConfigureAwait(false),
            OwnedKind.ApiToken => await db.ApiTokens.AsNoTracking().Where(t => t.Id == id).Select(t => t.UserId).FirstOrDefaultAsync(ct).ConfigureAwait(false),
            _ => null,
        };
        return owner is null ? null : new OwnedResource(kind, id, owner);
    }
}
