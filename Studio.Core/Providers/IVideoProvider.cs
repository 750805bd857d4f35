using Studio.Core.Costs;

namespace Studio.Core.Providers;

/// <summary>
/// An AI video generator, local or hosted. Generation is asynchronous everywhere: submit returns the
/// provider's job id, which the caller saves before anything else, then polls until the clip can be downloaded.
/// Adding a provider is one folder in <c>Studio.Providers</c> and one configuration section: pages and API read
/// everything they show from this interface.
/// </summary>
public interface IVideoProvider
{
    /// <summary>Short name used in configuration, jobs and the API (e.g. "local").</summary>
    string Name { get; }

    /// <summary>Name shown to users.</summary>
    string DisplayName { get; }

    /// <summary>What it can make.</summary>
    ProviderCapabilities Capabilities { get; }

    /// <summary>
    /// False when it cannot be used as configured (a hosted provider without an API key): it is listed as
    /// "not configured" and cannot be chosen.
    /// </summary>
    bool IsConfigured => true;

    /// <summary>A short remark for users, e.g. that the provider answered 404 for its route and is legacy; null when none.</summary>
    string? Notice => null;

    /// <summary>Generations it may have in flight at once (its configured <c>MaxConcurrency</c>), or null for the workers' default.</summary>
    int? MaxConcurrency => null;

    /// <summary>Its price list, by model id (from its configuration section's <c>Prices</c>); priced by Core's <see cref="CostModel"/>.</summary>
    IReadOnlyDictionary<string, ModelPrice> Prices { get; }

    /// <summary>What would really be requested for <paramref name="request"/>: model, resolution and clip length.</summary>
    ClipQuote Quote(GenerationRequest request);

    /// <summary>Starts a generation (billed by paid providers) and returns the provider's job id.</summary>
    /// <exception cref="ProviderException">The provider refused or could not be reached.</exception>
    Task<string> SubmitAsync(GenerationRequest request, CancellationToken ct);

    /// <summary>Asks how a generation is going.</summary>
    Task<ProviderJobStatus> GetStatusAsync(string providerJobId, CancellationToken ct);

    /// <summary>Writes the finished clip (MP4) to <paramref name="destination"/>.</summary>
    Task DownloadAsync(string providerJobId, Stream destination, CancellationToken ct);

    /// <summary>Stops a generation where the provider allows it.</summary>
    Task CancelAsync(string providerJobId, CancellationToken ct);

    /// <summary>
    /// Finds the generation started for <paramref name="reference"/> (<see cref="GenerationRequest.Reference"/>) when the
    /// provider can look it up; null when it cannot, or no such generation was started. Called after a crash between
    /// a submission and the saving of its id: a found id is polled, never submitted again.
    /// </summary>
    Task<string?> FindSubmissionAsync(string reference, CancellationToken ct) => Task.FromResult<string?>(null);
}
