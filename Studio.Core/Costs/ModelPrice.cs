using Studio.Core.Providers;

namespace Studio.Core.Costs;

/// <summary>
/// What one model of a provider charges for a clip: per second of clip asked for, or per clip, optionally different
/// by resolution. Bound from <c>Studio:Providers:&lt;Name&gt;:Prices:&lt;model&gt;</c>.
/// </summary>
public sealed class ModelPrice
{
    /// <summary>USD per second of clip asked for (the clip length, not the segment's: see <see cref="ClipQuote.Length"/>).</summary>
    public decimal? PerSecondUsd { get; set; }

    /// <summary>USD per clip, whatever its length; used when <see cref="PerSecondUsd"/> is not set.</summary>
    public decimal? PerClipUsd { get; set; }

    /// <summary>Prices that replace this one at a resolution (key e.g. "1080p").</summary>
    public Dictionary<string, ModelPrice> Resolutions { get; init; } = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>A per-second price.</summary>
    public static ModelPrice PerSecond(decimal usd) => new() { PerSecondUsd = usd };

    /// <summary>A per-clip price.</summary>
    public static ModelPrice PerClip(decimal usd) => new() { PerClipUsd = usd };

    /// <summary>This price with an other one at <paramref name="resolution"/>.</summary>
    public ModelPrice At(string resolution, ModelPrice price)
    {
        Resolutions[resolution] = price;
        return this;
    }

    /// <summary>The price of the clip described by <paramref name="quote"/>; null when no price is set.</summary>
    public decimal? PriceOf(ClipQuote quote)
    {
        ArgumentNullException.ThrowIfNull(quote);
        var price = quote.Resolution.Length > 0 && Resolutions.TryGetValue(quote.Resolution, out var atResolution) ? atResolution : this;
        return price.PerSecondUsd is { } perSecond
            ? decimal.Round(perSecond * (decimal)quote.Length.TotalSeconds, 4)
            : price.PerClipUsd;
    }
}
