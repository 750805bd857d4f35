using System.ComponentModel.DataAnnotations;

namespace Studio.Core.Assets;

/// <summary>What an upload may be, under <c>Studio:Uploads</c>. Each limit is checked while the file is read or probed.</summary>
public sealed class UploadOptions
{
    /// <summary>Configuration section.</summary>
    public const string Section = "Studio:Uploads";

    /// <summary>Largest image in bytes. Default 20 MB.</summary>
    [Range(1, long.MaxValue)]
    public long MaxImageBytes { get; set; } = 20L * 1024 * 1024;

    /// <summary>Largest video in bytes. Default 500 MB.</summary>
    [Range(1, long.MaxValue)]
    public long MaxVideoBytes { get; set; } = 500L * 1024 * 1024;

    /// <summary>Largest sound file in bytes. Default 50 MB.</summary>
    [Range(1, long.MaxValue)]
    public long MaxAudioBytes { get; set; } = 50L * 1024 * 1024;

    /// <summary>Most pixels (width × height) an image may have: a small file can unpack to gigabytes. Default 40 MP.</summary>
    [Range(1, long.MaxValue)]
    public long MaxImagePixels { get; set; } = 40_000_000;

    /// <summary>Most pixels a video frame may have. Default 16.8 MP (4096 × 4096).</summary>
    [Range(1, long.MaxValue)]
    public long MaxVideoPixels { get; set; } = 4096L * 4096;

    /// <summary>Longest video in seconds. Default 300.</summary>
    [Range(1, 86_400)]
    public int MaxVideoSeconds { get; set; } = 300;

    /// <summary>Longest sound file in seconds. Default 1800 (half an hour of music).</summary>
    [Range(1, 86_400)]
    public int MaxAudioSeconds { get; set; } = 1800;

    /// <summary>Longest original file name kept, in characters; a longer one is refused. Default 255.</summary>
    [Range(16, 255)]
    public int MaxFileNameLength { get; set; } = 255;

    /// <summary>The size limit for <paramref name="kind"/>.</summary>
    public long MaxBytesFor(AssetKind kind) => kind switch
    {
        AssetKind.Image => MaxImageBytes,
        AssetKind.Video => MaxVideoBytes,
        _ => MaxAudioBytes,
    };

    /// <summary>The largest of the size limits: no upload request needs more body than this.</summary>
    public long LargestMaxBytes => Math.Max(MaxImageBytes, Math.Max(MaxVideoBytes, MaxAudioBytes));
}
