using System.ComponentModel.DataAnnotations;

namespace Studio.Core;

/// <summary>Top-level settings under <c>Studio</c>.</summary>
public sealed class StudioOptions
{
    /// <summary>Configuration section.</summary>
    public const string Section = "Studio";

    /// <summary>Folder for the database, uploads and outputs; relative paths are taken from the content root. Default "data".</summary>
    [Required]
    public string DataDirectory { get; set; } = "data";

    /// <summary>
    /// The address at which hosted providers can reach this Studio (e.g. https://studio.example.com/), for the signed,
    /// expiring links to input images and clips that protocols taking only URLs need. Empty (the default): no link is
    /// made, and image- or video-to-video at such providers is refused with a message naming this setting.
    /// </summary>
    public string PublicBaseUrl { get; set; } = string.Empty;
}
