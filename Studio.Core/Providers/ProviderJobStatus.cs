using Studio.Core.Common;

namespace Studio.Core.Providers;

/// <summary>How a provider's generation is going.</summary>
/// <param name="State">Queued, running, succeeded or failed.</param>
/// <param name="Progress">0 to 1 where the provider tells it, else 0.</param>
/// <param name="Error">The provider's reason, when failed.</param>
/// <param name="IsPermanent">When failed: true if trying again would fail the same way (refused prompt, bad input).</param>
public sealed record ProviderJobStatus(ProviderJobState State, double Progress = 0, string? Error = null, bool IsPermanent = false)
{
    /// <summary>A short note for users about where the generation stands (e.g. "Queued at provider", "3rd in queue"); null when none.</summary>
    public string? Detail { get; init; }

    /// <summary>The reason as one of our sentences (worded in the reader's language); null when <see cref="Error"/> is the provider's own words.</summary>
    public StoredText? ErrorText { get; init; }

    /// <summary>How long the provider asks to wait before the next status call (e.g. OpenAI's <c>openai-poll-after-ms</c>); null when it does not say.</summary>
    public TimeSpan? PollAfter { get; init; }

    /// <summary>Waiting at the provider.</summary>
    public static ProviderJobStatus Queued { get; } = new(ProviderJobState.Queued);

    /// <summary>Done.</summary>
    public static ProviderJobStatus Succeeded { get; } = new(ProviderJobState.Succeeded, 1);

    /// <summary>Rendering, with progress.</summary>
    public static ProviderJobStatus Running(double progress) => new(ProviderJobState.Running, Math.Clamp(progress, 0, 1));

    /// <summary>Failed with a reason.</summary>
    public static ProviderJobStatus Failed(string error, bool permanent) => new(ProviderJobState.Failed, 0, error, permanent);

    /// <summary>Failed with one of our sentences as the reason (<see cref="Error"/> holds its English).</summary>
    public static ProviderJobStatus Failed(StoredText error, bool permanent) =>
        new(ProviderJobState.Failed, 0, (error ?? throw new ArgumentNullException(nameof(error))).English, permanent) { ErrorText = error };
}
