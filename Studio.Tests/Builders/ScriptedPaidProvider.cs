using System.Collections.Concurrent;
using Studio.Core.Costs;
using Studio.Core.Providers;
using Studio.Core.Segments;
using Studio.Core.Templates;
using Studio.Tests.Fakes;

namespace Studio.Tests.Builders;

/// <summary>
/// A paid provider whose generations end as scripted: each submission takes the next outcome from
/// <see cref="Outcomes"/> (succeeded when none is left). Its clips are real small MP4s; it prices one model per clip.
/// </summary>
public sealed class ScriptedPaidProvider(string name, decimal pricePerClipUsd, bool refundsFailures) : IVideoProvider
{
    public const string Model = "paid-model";

    private readonly ConcurrentDictionary<string, ProviderJobStatus> _ends = new();
    private int _submissions;

    /// <summary>How the next generations end, in order.</summary>
    public ConcurrentQueue<ProviderJobStatus> Outcomes { get; } = new();

    public int Submissions => _submissions;

    public string Name { get; } = name;

    public string DisplayName => $"Paid ({Name})";

    public ProviderCapabilities Capabilities { get; } = new(
        new HashSet<GenerationMode> { GenerationMode.TextToVideo },
        new HashSet<AspectRatio>(Enum.GetValues<AspectRatio>()),
        MaxPromptLength: 1000,
        MaxDuration: TimeSpan.FromSeconds(10))
    {
        RefundsFailures = refundsFailures,
    };

    public IReadOnlyDictionary<string, ModelPrice> Prices { get; } = new Dictionary<string, ModelPrice> { [Model] = ModelPrice.PerClip(pricePerClipUsd) };

    public ClipQuote Quote(GenerationRequest request) => new(Model, string.Empty, request.Duration);

    public Task<string> SubmitAsync(GenerationRequest request, CancellationToken ct)
    {
        var id = $"{Name}-{Interlocked.Increment(ref _submissions)}";
        _ends[id] = Outcomes.TryDequeue(out var end) ? end : ProviderJobStatus.Succeeded;
        return Task.FromResult(id);
    }

    public Task<ProviderJobStatus> GetStatusAsync(string providerJobId, CancellationToken ct) => Task.FromResult(_ends[providerJobId]);

    public async Task DownloadAsync(string providerJobId, Stream destination, CancellationToken ct)
    {
        var clip = await ResultClips.Mp4Async(144, 144, 2);
        await destination.WriteAsync(clip, ct);
    }

    public Task CancelAsync(string providerJobId, CancellationToken ct) => Task.CompletedTask;
}
