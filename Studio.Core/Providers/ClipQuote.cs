namespace Studio.Core.Providers;

/// <summary>What a provider will really be asked to make for a request: the basis of its price.</summary>
/// <param name="Model">The provider's model id (e.g. "ray-2", "gen4_turbo"): the key of its price.</param>
/// <param name="Resolution">The resolution asked for (e.g. "720p"), or empty when the provider has no such choice.</param>
/// <param name="Length">The clip length asked for (which may be longer than the segment; see <see cref="ProviderCapabilities.ClipLengthFor"/>).</param>
public sealed record ClipQuote(string Model, string Resolution, TimeSpan Length);
