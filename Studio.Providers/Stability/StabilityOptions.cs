using System.ComponentModel.DataAnnotations;
using Studio.Core.Costs;
using Studio.Providers.Http;

namespace Studio.Providers.Stability;

/// <summary>
/// Settings of the <c>stability</c> provider (Stable Video Diffusion image-to-video), under
/// <c>Studio:Providers:Stability</c>; the HTTP pipeline is tuned under <c>Studio:Providers:Stability:Http</c>. Defaults
/// equal the section in appsettings.json; the generation knobs default to Stability's own defaults.
/// </summary>
public sealed class StabilityOptions : HostedVideoProviderOptions
{
    /// <summary>Configuration section.</summary>
    public const string Section = "Studio:Providers:Stability";

    /// <summary>The default model (the price key; Stability's route has no model parameter).</summary>
    public const string DefaultModel = "stable-video-diffusion";

    /// <summary>Sets the vendor's defaults: api.stability.ai, two generations at once, $0.075 a clip.</summary>
    public StabilityOptions()
    {
        BaseUrl = "https://api.stability.ai/";
        Model = DefaultModel;
        MaxConcurrency = 2;
        Prices[DefaultModel] = ModelPrice.PerClip(0.075m);
    }

    /// <summary>How strongly the clip sticks to the image (<c>cfg_scale</c>, 0–10). Default 1.8.</summary>
    [Range(0.0, 10.0)]
    public double CfgScale { get; set; } = 1.8;

    /// <summary>How much motion (<c>motion_bucket_id</c>, 1–255; more is more). Default 127.</summary>
    [Range(1, 255)]
    public int MotionBucketId { get; set; } = 127;

    /// <summary>The seed (0–4294967294); 0 (the default) lets Stability pick one at random.</summary>
    [Range(0L, 4294967294L)]
    public long Seed { get; set; }
}
