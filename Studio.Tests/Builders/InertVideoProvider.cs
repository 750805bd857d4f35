using Studio.Core.Costs;
using Studio.Core.Providers;
using Studio.Core.Segments;
using Studio.Core.Templates;

namespace Studio.Tests.Builders;

/// <summary>
/// A provider that only stands in the catalog so that jobs can be created (the default templates name "local").
/// It never renders: the tests that use it drive segment states through <see cref="JobDriver"/> instead.
/// </summary>
public sealed class InertVideoProvider(string name = "local", decimal pricePerClipUsd = 0m) : IVideoProvider
{
    public string Name { get; } = name;

    public string DisplayName => $"Inert ({Name})";

    public ProviderCapabilities Capabilities { get; } = new(
        new HashSet<GenerationMode> { GenerationMode.TextToVideo },
        new HashSet<AspectRatio>(Enum.GetValues<AspectRatio>()),
        MaxPromptLength: 1000,
        MaxDuration: TimeSpan.FromSeconds(10));

    public IReadOnlyDictionary<string, ModelPrice> Prices { get; } = new Dictionary<string, ModelPrice> { ["inert"] = ModelPrice.PerClip(pricePerClipUsd) };

    public ClipQuote Quote(GenerationRequest request) => new("inert", string.Empty, request.Duration);

    public Task<string> SubmitAsync(GenerationRequest request, CancellationToken ct) => throw NotRendering();

    public Task<ProviderJobStatus> GetStatusAsync(string providerJobId, CancellationToken ct) => throw NotRendering();

    public Task DownloadAsync(string providerJobId, Stream destination, CancellationToken ct) => throw NotRendering();

    public Task CancelAsync(string providerJobId, CancellationToken ct) => throw NotRendering();

    private static NotSupportedException NotRendering() =>
        new("The inert provider only stands in the catalog; it renders nothing.");
}
