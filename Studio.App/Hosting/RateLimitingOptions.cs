using System.ComponentModel.DataAnnotations;

namespace Studio.App.Hosting;

/// <summary>How many API requests a user (or, signed out, an address) may make, under <c>Studio:RateLimits</c>.</summary>
internal sealed class RateLimitingOptions
{
    public const string Section = "Studio:RateLimits";

    /// <summary>Requests to <c>/api/**</c> per user per window. Default 120.</summary>
    [Range(1, 1_000_000)]
    public int ApiPerMinute { get; set; } = 120;

    /// <summary>
    /// Generation starts per user per window: creating a job, starting it, retrying it, regenerating a segment. Default 10.
    /// </summary>
    [Range(1, 1_000_000)]
    public int StartsPerMinute { get; set; } = 10;

    /// <summary>The window both limits count in. Default one minute (tests lengthen it so that no window closes mid-test).</summary>
    [Range(typeof(TimeSpan), "00:00:01", "1.00:00:00")]
    public TimeSpan Window { get; set; } = TimeSpan.FromMinutes(1);
}
