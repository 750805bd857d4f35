using System.ComponentModel.DataAnnotations;
using System.Net;

namespace Studio.App.Hosting.Deployment;

/// <summary>
/// <c>Studio:ForwardedHeaders</c>: the reverse proxies whose <c>X-Forwarded-For</c> and <c>X-Forwarded-Proto</c> are
/// believed, so that links, cookies (Secure) and per-address rate limits see the client's scheme and address. Off (both
/// lists empty) by default: a Studio reached directly must not let a caller pick its own address.
/// </summary>
internal sealed class ForwardedHeadersSettings : IValidatableObject
{
    public const string Section = "Studio:ForwardedHeaders";

    /// <summary>Addresses of trusted proxies, e.g. <c>10.0.0.5</c>. Default none.</summary>
    public IList<string> KnownProxies { get; } = [];

    /// <summary>Networks of trusted proxies in CIDR form, e.g. <c>172.16.0.0/12</c>. Default none.</summary>
    public IList<string> KnownNetworks { get; } = [];

    /// <summary>True when at least one proxy or network is trusted.</summary>
    public bool Enabled => KnownProxies.Count > 0 || KnownNetworks.Count > 0;

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        foreach (var proxy in KnownProxies.Where(p => !IPAddress.TryParse(p, out _)))
        {
            yield return new ValidationResult($"{Section}:KnownProxies: '{proxy}' is not an IP address.", [nameof(KnownProxies)]);
        }

        foreach (var network in KnownNetworks.Where(n => !IPNetwork.TryParse(n, out _)))
        {
            yield return new ValidationResult($"{Section}:KnownNetworks: '{network}' is not a network in CIDR form (e.g. 172.16.0.0/12).", [nameof(KnownNetworks)]);
        }
    }
}
