using Studio.Core.Segments;
using Studio.Core.Templates;

namespace Studio.Core.Providers;

/// <summary>What a provider can make. The API and the wizard offer only this, and refuse the rest with a clear message.</summary>
/// <param name="Modes">Generation modes it offers.</param>
/// <param name="AspectRatios">Frame shapes it renders.</param>
/// <param name="MaxPromptLength">Longest prompt it accepts, in characters.</param>
/// <param name="MaxDuration">Longest segment it can fill with one generation.</param>
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

    /// <summary>
    /// The clip lengths the provider makes, shortest first (Sora: 4, 8, 12 s). Empty (the default): any length up to
    /// <see cref="MaxDuration"/>. A segment gets the nearest longer length (<see cref="ClipLengthFor"/>), trimmed to the
    /// segment's exact duration at assembly.
    /// </summary>
    public IReadOnlyList<TimeSpan> ClipLengths { get; init; } = [];

    /// <summary>Output resolutions it offers, e.g. "720p", "1080p" (informative; empty when it has no such choice).</summary>
    public IReadOnlyList<string> Resolutions { get; init; } = [];

    /// <summary>
    /// Input image sizes it accepts, when it accepts only some (Stability: 1024×576, 576×1024, 768×768); empty: any.
    /// The client fits an image to one of them (resized and padded) before it sends it.
    /// </summary>
    public IReadOnlyList<FrameSize> ImageSizes { get; init; } = [];

    /// <summary>
    /// True when input images or clips reach the provider only as a URL it fetches: image- and video-to-video then
    /// need <c>Studio:PublicBaseUrl</c> (a signed, expiring link to that one asset).
    /// </summary>
    public bool InputsByLink { get; init; }

    /// <summary>The shortest wait between two status calls for one generation the provider asks for (Runway: 5 s). Default zero.</summary>
    public TimeSpan MinPollInterval { get; init; }

    /// <summary>True when the provider gives back what a failed generation was charged (Luma, Runway, fal).</summary>
    public bool RefundsFailures { get; init; }

    /// <summary>
    /// The clip length to ask for a segment of <paramref name="segment"/>: itself when the provider makes any length,
    /// else the shortest length it makes that is at least as long, else its longest (the assembly holds the last frame).
    /// </summary>
    public TimeSpan ClipLengthFor(TimeSpan segment)
    {
        if (ClipLengths.Count == 0)
        {
            return segment;
        }

        var longer = ClipLengths.Where(l => l >= segment).ToList();
        return longer.Count > 0 ? longer.Min() : ClipLengths.Max();
    }
}
