namespace Studio.Core.Assets;

/// <summary>What an uploaded file is.</summary>
public enum AssetKind
{
    /// <summary>A still image (PNG, JPEG, WebP).</summary>
    Image,

    /// <summary>A video clip (MP4, MOV, WebM).</summary>
    Video,
}
