using System.ComponentModel.DataAnnotations;
using Studio.Core.Costs;

namespace Studio.Providers.Http;

/// <summary>
/// The settings every hosted video provider has, under <c>Studio:Providers:&lt;Name&gt;</c> (environment variables
/// override them: <c>Studio__Providers__Luma__ApiKey</c>). Its HTTP pipeline is tuned under the <c>Http</c>
/// sub-section (<see cref="ProviderHttpOptions"/>). The key is read from configuration only: never stored, logged or
/// sent back.
/// </summary>
public abstract class HostedVideoProviderOptions
{
    /// <summary>Whether the provider is offered at all. Default true (listed as "not configured" until it has a key).</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>The API key. Empty (the default): the provider is not configured and cannot be chosen.</summary>
    public string ApiKey { get; set; } = string.Empty;

    /// <summary>The API's address; point it at a compatible gateway if you use one. Each provider sets its vendor's default.</summary>
    [Required]
    [Url]
    public string BaseUrl { get; set; } = string.Empty;

    /// <summary>The model asked for; each provider sets its default.</summary>
    [Required]
    public string Model { get; set; } = string.Empty;

    /// <summary>Generations in flight at once at this provider, over all jobs; empty: <c>Studio:Workers:DefaultProviderLimit</c>.</summary>
    [Range(1, 1000)]
    public int? MaxConcurrency { get; set; }

    /// <summary>The price of each model (per second or per clip, optionally by resolution); each provider sets its defaults.</summary>
    public Dictionary<string, ModelPrice> Prices { get; init; } = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>True when an API key is set.</summary>
    public bool IsConfigured => !string.IsNullOrWhiteSpace(ApiKey);

    /// <summary><see cref="BaseUrl"/> as an absolute address ending in '/', so relative paths append to it.</summary>
    public Uri BaseAddress => new(BaseUrl.EndsWith('/') ? BaseUrl : BaseUrl + "/");
}
