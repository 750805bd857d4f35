using System.ComponentModel.DataAnnotations;
using Studio.Core.Costs;
using Studio.Providers.Http;

namespace Studio.Providers.Runway;

/// <summary>
/// Settings of the <c>runway</c> provider, under <c>Studio:Providers:Runway</c> (the key: <c>Studio__Providers__Runway__ApiKey</c>).
/// The code defaults are those of <c>appsettings.json</c>. <see cref="HostedVideoProviderOptions.Model"/> (default
/// <c>gen4_turbo</c>) is the image-to-video model; text- and video-to-video have their own.
/// </summary>
public sealed class RunwayOptions : HostedVideoProviderOptions
{
    /// <summary>The configuration section.</summary>
    public const string Section = "Studio:Providers:Runway";

    /// <summary>Creates the options with Runway's defaults.</summary>
    public RunwayOptions()
    {
        BaseUrl = "https://api.dev.runwayml.com/";
        Model = "gen4_turbo";
        MaxConcurrency = 4;
        Prices["gen4_turbo"] = ModelPrice.PerSecond(0.05m);
        Prices["gen4.5"] = ModelPrice.PerSecond(0.12m);
        Prices["gen4_aleph"] = ModelPrice.PerSecond(0.15m);
    }

    /// <summary>The API version sent as <c>X-Runway-Version</c> on every call. Default "2024-11-06".</summary>
    [Required]
    public string ApiVersion { get; set; } = "2024-11-06";

    /// <summary>The model of <c>POST /v1/text_to_video</c>. Default "gen4.5".</summary>
    [Required]
    public string TextToVideoModel { get; set; } = "gen4.5";

    /// <summary>The model of <c>POST /v1/video_to_video</c>. Default "gen4_aleph".</summary>
    [Required]
    public string VideoToVideoModel { get; set; } = "gen4_aleph";
}
