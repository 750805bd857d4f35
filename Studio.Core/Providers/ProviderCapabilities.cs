using Studio.Core.Segments;
using Studio.Core.Templates;

namespace Studio.Core.Providers;

/// <summary>What a provider can make.</summary>
/// <param name="Modes">Generation modes it offers.</param>
/// <param name="AspectRatios">Frame shapes it renders.</param>
/// <param name="MaxPromptLength">Longest prompt it accepts, in characters.</param>
/// <param name="MaxDuration">Longest clip it makes in one generation.</param>
public sealed record ProviderCapabilities(
    IReadOnlySet<GenerationMode> Modes,
    IReadOnlySet<AspectRatio> AspectRatios,
    int MaxPromptLength,
    TimeSpan MaxDuration)
{
    /// <summary>
    /// True when <see cref="IVideoProvider.FindSubmissionAsync"/> can find a submission by Studio's reference: a submission
    /// whose answer was lost (timeout, 5xx, crash) is then looked up before anything is submitted again.
    /// </summary>
    public bool FindsSubmissions { get; init; }
}
