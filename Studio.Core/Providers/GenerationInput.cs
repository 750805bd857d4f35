using Studio.Core.Assets;

namespace Studio.Core.Providers;

/// <summary>A stored image or clip a generation starts from.</summary>
/// <param name="StoredFile">Its file-store key.</param>
/// <param name="Kind">Image or video.</param>
/// <param name="ContentType">Its MIME type.</param>
public sealed record GenerationInput(string StoredFile, AssetKind Kind, string ContentType);
