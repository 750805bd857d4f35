using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Studio.Core.Assets;
using Studio.Core.Persistence;
using Studio.Core.Storage;

namespace Studio.App.Features.Links;

/// <summary>
/// <c>GET /links/assets/{id}/{expires}/{signature}</c>: one asset's bytes, for a hosted provider that fetches its input
/// by URL. Anonymous (the provider has no account): the HMAC signature is the permission, and it covers only this
/// asset until it expires. An expired, altered or unknown link answers 404. There is no listing.
/// </summary>
internal static class AssetLinksEndpoint
{
    public static IEndpointRouteBuilder MapAssetLinks(this IEndpointRouteBuilder app)
    {
        app.MapGet($"/{AssetLinks.RoutePrefix}/{{id:guid}}/{{expires:long}}/{{signature}}", GetAsset)
            .AllowAnonymous()
            .ExcludeFromDescription();

        // Anything else under the prefix (no listing, a partial or malformed link) is a plain 404 too: without this the
        // sign-in redirect answered, and a provider following it would fetch the sign-in page as its input.
        app.MapGet($"/{AssetLinks.RoutePrefix}/{{**rest}}", () => TypedResults.NotFound())
            .AllowAnonymous()
            .ExcludeFromDescription();
        return app;
    }

    public static async Task<Results<FileStreamHttpResult, NotFound>> GetAsset(
        Guid id, long expires, string signature, AssetLinks links, IDbContextFactory<StudioDbContext> dbFactory, IFileStore files, HttpContext context, CancellationToken ct)
    {
        if (!links.IsValid(id, expires, signature))
        {
            return TypedResults.NotFound();
        }

        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var asset = await db.Assets.AsNoTracking().FirstOrDefaultAsync(a => a.Id == id, ct);
        if (asset is null || !await files.ExistsAsync(asset.StoredFile, ct))
        {
            return TypedResults.NotFound();
        }

        context.Response.Headers.CacheControl = "no-store";
        context.Response.Headers.XContentTypeOptions = "nosniff";
        return TypedResults.Stream(await files.OpenReadAsync(asset.StoredFile, ct), asset.ContentType);
    }
}
