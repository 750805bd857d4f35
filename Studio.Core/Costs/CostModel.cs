using Microsoft.Extensions.Options;
using Studio.Core.Providers;

namespace Studio.Core.Costs;

/// <summary>
/// Prices clips, storyboards and voice-overs: a clip by its provider's price list (<see cref="IVideoProvider.Prices"/>)
/// for what is really requested (<see cref="IVideoProvider.Quote"/>: model, resolution, clip length), the rest by
/// <see cref="CostOptions"/>.
/// </summary>
public sealed class CostModel(IOptions<CostOptions> options)
{
    /// <summary>What one generation of <paramref name="request"/> costs at <paramref name="provider"/>; null when its model has no price.</summary>
    public static decimal? ClipPrice(IVideoProvider provider, GenerationRequest request)
    {
        ArgumentNullException.ThrowIfNull(provider);
        var quote = provider.Quote(request);
        return provider.Prices.TryGetValue(quote.Model, out var price) ? price.PriceOf(quote) : null;
    }

    /// <summary>Says why <paramref name="provider"/> cannot price <paramref name="request"/>, or null when it can.</summary>
    public static string? MissingPrice(IVideoProvider provider, GenerationRequest request)
    {
        ArgumentNullException.ThrowIfNull(provider);
        if (ClipPrice(provider, request) is not null)
        {
            return null;
        }

        var model = provider.Quote(request).Model;
        return $"{provider.DisplayName} has no price for model '{model}'; set {ProviderSettings.SectionOf(provider)}:Prices:{model}.";
    }

    /// <summary>The storyboard's price: only a hosted writer costs.</summary>
    public decimal ScriptPrice(bool hosted) => hosted ? options.Value.HostedScriptUsd : 0m;

    /// <summary>The voice-over's price: only a hosted voice that says something costs.</summary>
    public decimal VoicePrice(bool hosted) => hosted ? options.Value.HostedVoiceUsd : 0m;
}
