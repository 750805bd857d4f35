using Microsoft.Extensions.Localization;
using Studio.Core.Common;
using Studio.Core.Segments;

namespace Studio.Core.Jobs;

/// <summary>A segment as its job's owner sees it.</summary>
/// <param name="Index">Position from 0.</param>
/// <param name="Prompt">What the clip shows.</param>
/// <param name="Mode">How it is made.</param>
/// <param name="Status">Where it stands.</param>
/// <param name="Progress">Progress of the current take, 0 to 1.</param>
/// <param name="Provider">The provider making (or that last made) it.</param>
/// <param name="Attempts">Tries of its current take.</param>
/// <param name="Error">Why the last try failed.</param>
/// <param name="Seconds">Length.</param>
/// <param name="EstimatedCostUsd">Price list estimate.</param>
/// <param name="CostUsd">What was billed.</param>
/// <param name="StartedAt">When its first try started.</param>
/// <param name="FinishedAt">When it ended.</param>
/// <param name="Submissions">Generations a provider accepted for it, over all takes: each one is billed.</param>
/// <param name="Take">The take being made or last made.</param>
/// <param name="SelectedTake">The take in the cut, once one is made.</param>
/// <param name="Takes">Every clip made for it.</param>
public sealed record SegmentDetails(
    int Index,
    string Prompt,
    GenerationMode Mode,
    SegmentStatus Status,
    double Progress,
    string Provider,
    int Attempts,
    string? Error,
    int Seconds,
    decimal EstimatedCostUsd,
    decimal CostUsd,
    DateTimeOffset? StartedAt,
    DateTimeOffset? FinishedAt,
    int Submissions = 0,
    int Take = 1,
    int? SelectedTake = null,
    IReadOnlyList<TakeDetails>? Takes = null)
{
    /// <summary>The provider that made the take in the cut; null until one is made.</summary>
    public string? MadeBy => Takes?.FirstOrDefault(t => t.Number == SelectedTake)?.Provider;

    /// <summary>What is said over it; empty for silence. Default empty.</summary>
    public string Narration { get; init; } = string.Empty;

    /// <summary>The uploaded image or clip an image- or video-to-video segment starts from; null for text-to-video. Default null.</summary>
    public Guid? AssetId { get; init; }

    /// <summary>The provider's note on where the generation stands (e.g. "Queued at provider"); null when none. Default null.</summary>
    public string? Detail { get; init; }

    internal static SegmentDetails From(Segment s, IStringLocalizer<StoredText> words) => new(
        s.Index, s.Prompt, s.Mode, s.Status, s.Progress, s.Provider, s.Attempts, StoredText.Show(s.ErrorText, s.Error, words), s.Seconds, s.EstimatedCostUsd, s.CostUsd, s.StartedAt, s.FinishedAt,
        s.Submissions, s.Take, s.SelectedTake, [.. s.Takes.OrderBy(t => t.Number).Select(t => TakeDetails.From(t, s.SelectedTake))])
    {
        Narration = s.Narration,
        AssetId = s.AssetId,
        Detail = s.Detail,
    };
}
