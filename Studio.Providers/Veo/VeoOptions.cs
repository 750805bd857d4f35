using System.ComponentModel.DataAnnotations;
using Studio.Core.Costs;
using Studio.Providers.Http;

namespace Studio.Providers.Veo;

/// <summary>
/// Settings of the <c>veo</c> provider (Google Veo through the Gemini API), under <c>Studio:Providers:Veo</c> (the
/// key: <c>Studio__Providers__Veo__ApiKey</c>). The code defaults are those of <c>appsettings.json</c>.
/// </summary>
public sealed class VeoOptions : HostedVideoProviderOptions
{
    /// <summary>The configuration section.</summary>
    public const string Section = "Studio:Providers:Veo";

    /// <summary>Creates the options with Veo's defaults.</summary>
    public VeoOptions()
    {
        BaseUrl = "https://generativelanguage.googleapis.com/v1beta/";
        Model = "veo-3.1-generate-preview";
        MaxConcurrency = 2;
        Prices["veo-3.1-generate-preview"] = ModelPrice.PerSecond(0.40m);
        Prices["veo-3.1-fast-generate-preview"] = ModelPrice.PerSecond(0.15m);
        Prices["veo-3.0-generate-001"] = ModelPrice.PerSecond(0.40m);
        Prices["veo-3.0-fast-generate-001"] = ModelPrice.PerSecond(0.15m);
        Prices["veo-2.0-generate-001"] = ModelPrice.PerSecond(0.35m);
    }

    /// <summary>The resolution asked for ("720p" or "1080p"). Default "720p".</summary>
    [Required]
    [RegularExpression("^(720p|1080p)$")]
    public string Resolution { get; set; } = "720p";
}
