namespace Studio.Core.Providers;

/// <summary>
/// An AI video generator, local or hosted. Generation is asynchronous everywhere: submit returns the
/// provider's job id, which the caller saves before anything else, then polls until the clip can be downloaded.
/// </summary>
public interface IVideoProvider
{
    /// <summary>Short name used in configuration, jobs and the API (e.g. "local").</summary>
    string Name { get; }

    /// <summary>Name shown to users.</summary>
    string DisplayName { get; }

    /// <summary>What it can make.</summary>
    ProviderCapabilities Capabilities { get; }

    /// <summary>What one generation of this request costs, in USD, per the provider's price list.</summary>
    decimal EstimatePriceUsd(GenerationRequest request);

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
