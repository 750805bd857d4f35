using Studio.Core.Costs;
using Studio.Core.Providers;
using Studio.Core.Segments;
using Studio.Core.Templates;
using Studio.Tests.Fakes;

namespace Studio.Tests.Api;

/// <summary>
/// A paid provider (one price per clip) whose submissions wait until the test releases them, so a test can act while a
/// generation is being submitted. Once released, generations succeed at once with a real small MP4.
/// </summary>
public sealed class BudgetGatedProvider(string name, decimal pricePerClipUsd) : IVideoProvider
{
    public const string Model = "gated-model";

    private readonly TaskCompletionSource _entered = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly TaskCompletionSource _released = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private int _submissions;

    /// <summary>Generations submitted (each one billed).</summary>
    public int Submissions => _submissions;

    /// <summary>Completes when the first submission arrives.</summary>
    public Task FirstSubmission => _entered.Task;

    public string Name { get; } = name;

    public string DisplayName => $"Gated ({Name})";

    public ProviderCapabilities Capabilities { get; } = new(
        new HashSet<GenerationMode> { GenerationMode.TextToVideo },
        new HashSet<AspectRatio>(Enum.GetValues<AspectRatio>()),
        MaxPromptLength: 1000,
        MaxDuration: TimeSpan.FromSeconds(10));

    public IReadOnlyDictionary<string, ModelPrice> Prices { get; } = new Dictionary<string, ModelPrice> { [Model] = ModelPrice.PerClip(pricePerClipUsd) };

    /// <summary>Lets every waiting and later submission through.</summary>
    public void Release() => _released.TrySetResult();

    public ClipQuote Quote(GenerationRequest request) => new(Model, string.Empty, request.Duration);

    public async Task<string> SubmitAsync(GenerationRequest request, CancellationToken ct)
    {
        var number = Interlocked.Increment(ref _submissions);
        _entered.TrySetResult();
        await _released.Task.WaitAsync(ct);
        return $"{Name}-{number}";
    }

    public Task<ProviderJobStatus> GetStatusAsync(string providerJobId, CancellationToken ct) => Task.FromResult(ProviderJobStatus.Succeeded);

    public async Task DownloadAsync(string providerJobId, Stream destination, CancellationToken ct)
    {
        var clip = await ResultClips.Mp4Async(144, 144, 2);
        await destination.WriteAsync(clip, ct);
    }

    public Task CancelAsync(string providerJobId, CancellationToken ct) => Task.CompletedTask;
}
