namespace Studio.Core.Assets;

/// <summary>An accepted file type, recognised by its first bytes.</summary>
/// <param name="Kind">Image, video or audio.</param>
/// <param name="ContentType">The MIME type it is stored and served with.</param>
/// <param name="Name">A short name for messages ("PNG", "MP4").</param>
/// <param name="Extension">The usual extension, with its dot.</param>
public sealed record SniffedType(AssetKind Kind, string ContentType, string Name, string Extension)
{
    /// <summary>PNG image.</summary>
    public static readonly SniffedType Png = new(AssetKind.Image, "image/png", "PNG", ".png");

    /// <summary>JPEG image.</summary>
    public static readonly SniffedType Jpeg = new(AssetKind.Image, "image/jpeg", "JPEG", ".jpg");

    /// <summary>WebP image.</summary>
    public static readonly SniffedType WebP = new(AssetKind.Image, "image/webp", "WebP", ".webp");

    /// <summary>MP4 video.</summary>
    public static readonly SniffedType Mp4 = new(AssetKind.Video, "video/mp4", "MP4", ".mp4");

    /// <summary>QuickTime video.</summary>
    public static readonly SniffedType Mov = new(AssetKind.Video, "video/quicktime", "MOV", ".mov");

    /// <summary>WebM video.</summary>
    public static readonly SniffedType WebM = new(AssetKind.Video, "video/webm", "WebM", ".webm");

    /// <summary>MP3 sound.</summary>
    public static readonly SniffedType Mp3 = new(AssetKind.Audio, "audio/mpeg", "MP3", ".mp3");

    /// <summary>WAV sound.</summary>
    public static readonly SniffedType Wav = new(AssetKind.Audio, "audio/wav", "WAV", ".wav");

    /// <summary>M4A (AAC in MP4) sound.</summary>
    public static readonly SniffedType M4a = new(AssetKind.Audio, "audio/mp4", "M4A", ".m4a");

    /// <summary>True for the ISO base media family (MP4, MOV, M4A), whose files are a chain of boxes.</summary>
    public bool IsIsoMedia => ReferenceEquals(this, Mp4) || ReferenceEquals(this, Mov) || ReferenceEquals(this, M4a);
}
