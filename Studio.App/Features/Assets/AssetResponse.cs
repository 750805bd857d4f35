using Studio.Core.Assets;

namespace Studio.App.Features.Assets;

/// <summary>An asset as the API shows it.</summary>
internal sealed record AssetResponse(Guid Id, AssetKind Kind, string ContentType, long Size, string Sha256, string FileName, DateTimeOffset CreatedAt)
{
    public static AssetResponse From(Asset asset) =>
        new(asset.Id, asset.Kind, asset.ContentType, asset.SizeBytes, asset.Sha256, asset.OriginalFileName, asset.CreatedAt);
}
