namespace Studio.Core.Assets;

/// <summary>What an uploaded file is.</summary>
public enum AssetKind
{
    /// <summary>A still image (PNG, JPEG, WebP).</summary>
    Image,

    /// <summary>A video clip (MP4, MOV, WebM).</summary>
    Video,

    /// <summary>A sound track (MP3, WAV, M4A), e.g. background music.</summary>
    Audio,
}
