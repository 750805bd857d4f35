using Studio.Core.Costs;
using Studio.Core.Providers;
using Studio.Core.Templates;

namespace Studio.App.Features.Providers;

/// <summary>A video provider as the API and the pages show it: what it can make and what it costs. Never its key.</summary>
/// <param name="Name">Its name in jobs and the API.</param>
/// <param name="DisplayName">Its name for users.</param>
/// <param name="Configured">False when it lacks its API key: it cannot be chosen.</param>
/// <param name="Notice">A remark (e.g. legacy), or null.</param>
/// <param name="Capabilities">What it can make.</param>
/// <param name="Prices">Price per model.</param>
public sealed record ProviderResponse(string Name, string DisplayName, bool Configured, string? Notice, CapabilitiesResponse Capabilities, IReadOnlyDictionary<string, PriceResponse> Prices)
{
    /// <summary>The API's shape of a provider.</summary>
    public static ProviderResponse From(IVideoProvider provider)
    {
        ArgumentNullException.ThrowIfNull(provider);
        return new(
            provider.Name,
            provider.DisplayName,
            provider.IsConfigured,
            provider.Notice,
            CapabilitiesResponse.From(provider.Capabilities),
            provider.Prices.ToDictionary(p => p.Key, p => PriceResponse.From(p.Value), StringComparer.OrdinalIgnoreCase));
    }
}

/// <summary>What a provider can make.</summary>
/// <param name="Modes">Generation modes.</param>
/// <param name="AspectRatios">Frame shapes, e.g. "9:16".</param>
/// <param name="ClipSeconds">The clip lengths it makes; empty for any length up to <paramref name="MaxSegmentSeconds"/>.</param>
/// <param name="MaxSegmentSeconds">Longest segment it can fill.</param>
/// <param name="MaxPromptLength">Longest prompt, in characters.</param>
/// <param name="Resolutions">Resolutions it offers.</param>
/// <param name="ImageSizes">Input image sizes it accepts ("1024x576"); empty for any (Studio fits images where needed).</param>
/// <param name="InputsByLink">True when input files reach it as signed links (needs Studio:PublicBaseUrl).</param>
/// <param name="RefundsFailures">True when failed generations are given back.</param>
public sealed record CapabilitiesResponse(
    IReadOnlyList<string> Modes,
    IReadOnlyList<string> AspectRatios,
    IReadOnlyList<double> ClipSeconds,
    double MaxSegmentSeconds,
    int MaxPromptLength,
    IReadOnlyList<string> Resolutions,
    IReadOnlyList<string> ImageSizes,
    bool InputsByLink,
    bool RefundsFailures)
{
    /// <summary>The API's shape of capabilities.</summary>
    public static CapabilitiesResponse From(ProviderCapabilities caps)
    {
        ArgumentNullException.ThrowIfNull(caps);
        return new(
            [.. caps.Modes.Order().Select(m => m.ToString())],
            [.. caps.AspectRatios.Order().Select(r => r.ToDisplay())],
            [.. caps.ClipLengths.Select(l => l.TotalSeconds)],
            caps.MaxDuration.TotalSeconds,
            caps.MaxPromptLength,
            caps.Resolutions,
            [.. caps.ImageSizes.Select(s => s.ToString())],
            caps.InputsByLink,
            caps.RefundsFailures);
    }
}

/// <summary>A model's price.</summary>
/// <param name="PerSecondUsd">USD per second of clip asked for, or null.</param>
/// <param name="PerClipUsd">USD per clip, or null.</param>
/// <param name="Resolutions">Other prices by resolution.</param>
public sealed record PriceResponse(decimal? PerSecondUsd, decimal? PerClipUsd, IReadOnlyDictionary<string, PriceResponse> Resolutions)
{
    /// <summary>The API's shape of a price.</summary>
    public static PriceResponse From(ModelPrice price)
    {
        ArgumentNullException.ThrowIfNull(price);
        return new(price.PerSecondUsd, price.PerClipUsd, price.Resolutions.ToDictionary(r => r.Key, r => From(r.Value), StringComparer.OrdinalIgnoreCase));
    }
}
