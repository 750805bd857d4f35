using System.ComponentModel.DataAnnotations;

namespace Studio.Core.Assets;

/// <summary>Signed links to single assets, for providers that fetch inputs by URL, under <c>Studio:Links</c>.</summary>
public sealed class AssetLinkOptions
{
    /// <summary>Configuration section.</summary>
    public const string Section = "Studio:Links";

    /// <summary>
    /// The HMAC key (at least 32 characters) links are signed with. Empty (the default): a random key kept in the data
    /// folder (<c>keys/links.key</c>), created at first use; set it when several hosts serve one Studio.
    /// </summary>
    public string SigningKey { get; set; } = string.Empty;

    /// <summary>How long a link works. Default 10 minutes: enough for a provider to fetch its input, too short to share.</summary>
    [Range(typeof(TimeSpan), "00:00:10", "01:00:00", ParseLimitsInInvariantCulture = true, ConvertValueInInvariantCulture = true)]
    public TimeSpan Lifetime { get; set; } = TimeSpan.FromMinutes(10);
}
