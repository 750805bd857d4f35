using System.ComponentModel.DataAnnotations;
using Studio.Core.Costs;
using Studio.Providers.Http;

namespace Studio.Providers.Sora;

/// <summary>
/// Settings of the <c>sora</c> provider (OpenAI Sora 2), under <c>Studio:Providers:Sora</c>; its HTTP pipeline is tuned
/// under <c>Studio:Providers:Sora:Http</c>. The defaults equal the section in appsettings.json.
/// </summary>
public sealed class SoraOptions : HostedVideoProviderOptions
{
    /// <summary>Configuration section.</summary>
    public const string Section = "Studio:Providers:Sora";

    /// <summary>The resolution key of OpenAI's 720-pixel sizes (720x1280, 1280x720).</summary>
    public const string Resolution720 = "720p";

    /// <summary>The resolution key of sora-2-pro's large sizes (1024x1792, 1792x1024).</summary>
    public const string Resolution1024 = "1024p";

    /// <summary>Creates the options with OpenAI's defaults: its public API, sora-2 at 720p, 2 videos at once, list prices.</summary>
    public SoraOptions()
    {
        BaseUrl = "https://api.openai.com/v1/";
        Model = "sora-2";
        MaxConcurrency = 2;
        Prices["sora-2"] = ModelPrice.PerSecond(0.10m);
        Prices["sora-2-pro"] = ModelPrice.PerSecond(0.30m).At(Resolution1024, ModelPrice.PerSecond(0.50m));
    }

    /// <summary>
    /// The size class asked for: "720p" (720x1280 / 1280x720, every model) or "1024p" (1024x1792 / 1792x1024, sora-2-pro
    /// models only). Default "720p". Also the resolution key of <see cref="HostedVideoProviderOptions.Prices"/>.
    /// </summary>
    [Required]
    [RegularExpression("^(720p|1024p)$", ErrorMessage = "Studio:Providers:Sora:Resolution must be 720p or 1024p.")]
    public string Resolution { get; set; } = Resolution720;

    /// <summary>
    /// Longest prompt sent, in characters. OpenAI documents no limit for video prompts (unconfirmed): the default 4000
    /// is a cautious cap; longer style text is cut, a longer prompt refused.
    /// </summary>
    [Range(100, 32_000)]
    public int MaxPromptLength { get; set; } = 4000;

    /// <summary>Sent as <c>OpenAI-Organization</c> when set (accounts in several organisations). Default empty.</summary>
    public string Organization { get; set; } = string.Empty;

    /// <summary>Sent as <c>OpenAI-Project</c> when set. Default empty.</summary>
    public string Project { get; set; } = string.Empty;

    /// <summary>True when <see cref="HostedVideoProviderOptions.Model"/> is a sora-2-pro model (the large sizes need one).</summary>
    public bool IsPro => Model.StartsWith("sora-2-pro", StringComparison.OrdinalIgnoreCase);
}
