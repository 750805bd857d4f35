using System.ComponentModel.DataAnnotations;
using Studio.Core.Costs;
using Studio.Providers.Http;

namespace Studio.Providers.Pika;

/// <summary>
/// Settings of the <c>pika</c> provider (Pika through fal.ai's queue), under <c>Studio:Providers:Pika</c>; the HTTP
/// pipeline is tuned under <c>Studio:Providers:Pika:Http</c>. Defaults equal the section in appsettings.json.
/// </summary>
public sealed class PikaOptions : HostedVideoProviderOptions
{
    /// <summary>Configuration section.</summary>
    public const string Section = "Studio:Providers:Pika";

    /// <summary>The default model: the price key and the base of the endpoint ids <c>{Model}/text-to-video</c> and <c>{Model}/image-to-video</c>.</summary>
    public const string DefaultModel = "fal-ai/pika/v2.2";

    /// <summary>Sets the vendor's defaults: fal's queue, Pika v2.2 at 720p, two generations at once, $0.03/s (1080p $0.09/s).</summary>
    public PikaOptions()
    {
        BaseUrl = "https://queue.fal.run/";
        Model = DefaultModel;
        MaxConcurrency = 2;
        Prices[DefaultModel] = ModelPrice.PerSecond(0.03m).At("1080p", ModelPrice.PerSecond(0.09m));
    }

    /// <summary>The resolution asked for: "720p" (default) or "1080p" (dearer).</summary>
    [Required]
    [AllowedValues("720p", "1080p")]
    public string Resolution { get; set; } = "720p";
}
