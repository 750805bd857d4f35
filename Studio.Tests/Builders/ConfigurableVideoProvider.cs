using Studio.Core.Costs;
using Studio.Core.Providers;
using Studio.Core.Segments;
using Studio.Core.Templates;

namespace Studio.Tests.Builders;

/// <summary>
/// A provider that stands in the catalog with the capabilities, price and configuration a test gives it (e.g. a hosted
/// one without its key, one that renders only 16:9, one that makes 4/8/12 s clips). Like <see cref="InertVideoProvider"/>
/// it never renders. Defaults: configured, text-to-video, every aspect ratio, clips up to 10 s of any length, free.
/// </summary>
/// <example><c>new ConfigurableVideoProvider("sora", "Sora 2") { ClipLengths = [4, 8, 12], PerSecondUsd = 0.1m }</c></example>
public sealed class ConfigurableVideoProvider(string name, string displayName) : IVideoProvider
{
    public string Name { get; } = name;

    public string DisplayName { get; } = displayName;

    public bool IsConfigured { get; init; } = true;

    public string? Notice { get; init; }

    /// <summary>The modes it offers. Default text-to-video.</summary>
    public IReadOnlyList<GenerationMode> Modes { get; init; } = [GenerationMode.TextToVideo];

    /// <summary>The frame shapes it renders. Default all.</summary>
    public IReadOnlyList<AspectRatio> AspectRatios { get; init; } = Enum.GetValues<AspectRatio>();

    /// <summary>The clip lengths it makes, in seconds. Default any.</summary>
    public IReadOnlyList<int> ClipLengths { get; init; } = [];

    /// <summary>Longest clip, in seconds. Default 10.</summary>
    public int MaxSeconds { get; init; } = 10;

    /// <summary>The model it quotes. Default "test-model".</summary>
    public string Model { get; init; } = "test-model";

    /// <summary>The resolution it quotes. Default none.</summary>
    public string Resolution { get; init; } = string.Empty;

    /// <summary>USD per second of clip asked for; when null, <see cref="PerClipUsd"/>. Default null.</summary>
    public decimal? PerSecondUsd { get; init; }

    /// <summary>USD per clip. Default 0.</summary>
    public decimal PerClipUsd { get; init; }

    public ProviderCapabilities Capabilities => new(
        new HashSet<GenerationMode>(Modes),
        new HashSet<AspectRatio>(AspectRatios),
        MaxPromptLength: 1000,
        MaxDuration: TimeSpan.FromSeconds(MaxSeconds))
    {
        ClipLengths = [.. ClipLengths.Select(s => TimeSpan.FromSeconds(s))],
        Resolutions = Resolution.Length > 0 ? [Resolution] : [],
    };

    public IReadOnlyDictionary<string, ModelPrice> Prices => new Dictionary<string, ModelPrice>
    {
        [Model] = PerSecondUsd is { } perSecond ? ModelPrice.PerSecond(perSecond) : ModelPrice.PerClip(PerClipUsd),
    };

    public ClipQuote Quote(GenerationRequest request) => new(Model, Resolution, Capabilities.ClipLengthFor(request.Duration));

    public Task<string> SubmitAsync(GenerationRequest request, CancellationToken ct) => throw NotRendering();

    public Task<ProviderJobStatus> GetStatusAsync(string providerJobId, CancellationToken ct) => throw NotRendering();

    public Task DownloadAsync(string providerJobId, Stream destination, CancellationToken ct) => throw NotRendering();

    public Task CancelAsync(string providerJobId, CancellationToken ct) => throw NotRendering();

    private static NotSupportedException NotRendering() =>
        new("The configurable test provider only stands in the catalog; it renders nothing.");
}
