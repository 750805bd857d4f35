using Studio.Core.Assets;

namespace Studio.Core.Providers;

/// <summary>A stored image or clip a generation starts from; providers read it through <see cref="IGenerationInputs"/>.</summary>
/// <param name="AssetId">The asset (for signed links).</param>
/// <param name="StoredFile">Its file-store key.</param>
/// <param name="Kind">Image or video.</param>
/// <param name="ContentType">Its MIME type.</param>
public sealed record GenerationInput(Guid AssetId, string StoredFile, AssetKind Kind, string ContentType);
