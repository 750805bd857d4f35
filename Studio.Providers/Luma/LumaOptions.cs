using System.ComponentModel.DataAnnotations;
using Studio.Core.Costs;
using Studio.Providers.Http;

namespace Studio.Providers.Luma;

/// <summary>
/// Settings of the <c>luma</c> provider (Luma Dream Machine), under <c>Studio:Providers:Luma</c>; its HTTP pipeline is
/// tuned under <c>Studio:Providers:Luma:Http</c>. The defaults equal the section in appsettings.json.
/// </summary>
public sealed class LumaOptions : HostedVideoProviderOptions
{
    /// <summary>Configuration section.</summary>
    public const string Section = "Studio:Providers:Luma";

    /// <summary>Creates the options with Luma's defaults: its public API, ray-2 at 720p, 4 generations at once, list prices.</summary>
    public LumaOptions()
    {
        BaseUrl = "https://api.lumalabs.ai/dream-machine/v1/";
        Model = "ray-2";
        MaxConcurrency = 4;
        Prices["ray-2"] = ModelPrice.PerSecond(0.03m);
        Prices["ray-flash-2"] = ModelPrice.PerSecond(0.014m);
    }

    /// <summary>The resolution asked for: "540p", "720p", "1080p" or "4k". Default "720p".</summary>
    [Required]
    [RegularExpression("^(540p|720p|1080p|4k)$", ErrorMessage = "Studio:Providers:Luma:Resolution must be 540p, 720p, 1080p or 4k.")]
    public string Resolution { get; set; } = "720p";
}
