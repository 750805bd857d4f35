using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;
using Studio.App.Auth;
using Studio.Core.Accounts;
using Studio.Core.Assets;
using Studio.Core.Media;
using Studio.Core.Storage;

namespace Studio.App.Features.Assets;

/// <summary>
/// The assets API: upload (multipart, one file in the field <c>file</c>), list, read, download and delete a user's own
/// images, clips and sound. Another user's asset answers 404 like a missing one. A refused upload answers 400, 413 or
/// 415 with a detail that says why, and leaves nothing behind.
/// </summary>
internal static class AssetsApi
{
    public static IEndpointRouteBuilder MapAssetsApi(this IEndpointRouteBuilder app)
    {
        var assets = app.MapGroup("/api/assets").WithTags("Assets");
        assets.MapPost("/", Upload);
        assets.MapGet("/", ListAssets);
        var asset = assets.MapGroup("/{id:guid}").RequireOwner(OwnedKind.Asset);
        asset.MapGet(string.Empty, GetAsset);
        asset.MapGet("/content", GetContent);
        asset.MapGet("/thumbnail", GetThumbnail);
        asset.MapDelete(string.Empty, DeleteAsset);
        return app;
    }

    public static async Task<Results<Created<AssetResponse>, ValidationProblem, ProblemHttpResult>> Upload(
        HttpContext context, ClaimsPrincipal user, AssetLibrary library, IOptions<UploadOptions> options, IStringLocalizerFactory localizers, CancellationToken ct)
    {
        var userId = user.RequireUserId();
        var received = await MultipartUpload.ReadAsync(context, library, options.Value, localizers.Create(typeof(MultipartUpload)), ct);
        if (received.Upload is not { } upload)
        {
            return Refused(received.Refusal!);
        }

        using (upload)
        {
            var asset = await library.StoreAsync(userId, upload, ct);
            return TypedResults.Created($"/api/assets/{asset.Id}", AssetResponse.From(asset));
        }
    }

    public static async Task<Ok<IReadOnlyList<AssetResponse>>> ListAssets(ClaimsPrincipal user, AssetLibrary library, CancellationToken ct) =>
        TypedResults.Ok<IReadOnlyList<AssetResponse>>([.. (await library.ListAsync(user.RequireUserId(), ct)).Select(AssetResponse.From)]);

    public static async Task<Results<Ok<AssetResponse>, NotFound>> GetAsset(Guid id, ClaimsPrincipal user, AssetLibrary library, CancellationToken ct) =>
        await library.GetAsync(user.RequireUserId(), id, ct) is { } asset ? TypedResults.Ok(AssetResponse.From(asset)) : TypedResults.NotFound();

    /// <summary>The bytes, as an attachment with the type decided at upload, never sniffed by the browser; ranges served.</summary>
    public static async Task<Results<FileStreamHttpResult, RedirectHttpResult, NotFound>> GetContent(
        Guid id, ClaimsPrincipal user, AssetLibrary library, DownloadLinks downloads, HttpContext context, CancellationToken ct)
    {
        // With S3 (and redirects on) the store serves the bytes, as an attachment of the declared type.
        if (downloads.Redirects
            && await library.GetAsync(user.RequireUserId(), id, ct) is { } found
            && downloads.For(new StoredFile(found.StoredFile, found.ContentType, found.OriginalFileName)) is { } link)
        {
            return TypedResults.Redirect(link.AbsoluteUri);
        }

        if (await library.OpenAsync(user.RequireUserId(), id, ct) is not var (asset, content))
        {
            return TypedResults.NotFound();
        }

        var headers = context.Response.Headers;
        headers.XContentTypeOptions = "nosniff";
        headers.ContentSecurityPolicy = "default-src 'none'; sandbox";
        headers.CacheControl = "private, no-cache";
        return TypedResults.Stream(content, asset.ContentType, asset.OriginalFileName, lastModified: asset.CreatedAt, enableRangeProcessing: true);
    }

    /// <summary>A small JPEG preview (made on first request): images scaled, clips' poster frame; 404 for sound.</summary>
    public static async Task<Results<FileStreamHttpResult, NotFound>> GetThumbnail(Guid id, ClaimsPrincipal user, AssetThumbnails thumbnails, HttpContext context, CancellationToken ct)
    {
        Stream? preview;
        try
        {
            preview = await thumbnails.OpenAsync(user.RequireUserId(), id, ct);
        }
        catch (MediaProcessingException)
        {
            // Logged by the media engine; the page shows the kind's icon instead, as for sound.
            preview = null;
        }

        if (preview is null)
        {
            return TypedResults.NotFound();
        }

        var headers = context.Response.Headers;
        headers.XContentTypeOptions = "nosniff";

        // An asset never changes under its id, so neither does its preview.
        headers.CacheControl = "private, max-age=86400";
        return TypedResults.Stream(preview, "image/jpeg");
    }

    public static async Task<Results<NoContent, NotFound, ProblemHttpResult>> DeleteAsset(Guid id, ClaimsPrincipal user, AssetLibrary library, CancellationToken ct)
    {
        var result = await library.DeleteAsync(user.RequireUserId(), id, ct);
        return result.Outcome switch
        {
            AssetDeleteOutcome.Deleted => TypedResults.NoContent(),
            AssetDeleteOutcome.InUse => TypedResults.Problem(statusCode: StatusCodes.Status409Conflict, title: "The asset is in use", detail: result.Detail),
            _ => TypedResults.NotFound(),
        };
    }

    private static Results<Created<AssetResponse>, ValidationProblem, ProblemHttpResult> Refused(UploadRefusal refusal) => refusal.Kind switch
    {
        UploadRefusalKind.TooLarge => TypedResults.Problem(statusCode: StatusCodes.Status413PayloadTooLarge, title: "The file is too large", detail: refusal.Detail),
        UploadRefusalKind.Unsupported => TypedResults.Problem(statusCode: StatusCodes.Status415UnsupportedMediaType, title: "The file type is not accepted", detail: refusal.Detail),
        _ => TypedResults.ValidationProblem(
            new Dictionary<string, string[]>(StringComparer.Ordinal) { [refusal.Field] = [refusal.Detail] },
            detail: refusal.Detail,
            title: "The upload was refused"),
    };
}
