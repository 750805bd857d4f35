using Microsoft.Extensions.Localization;
using Studio.Core.Assembly;
using Studio.Core.Common;
using Studio.Core.Costs;
using Studio.Core.Orchestration;
using Studio.Core.Segments;
using Studio.Core.Templates;

namespace Studio.Core.Jobs;

/// <summary>A job as its owner sees it.</summary>
public sealed record JobDetails(
    Guid Id,
    string Title,
    string Theme,
    Guid TemplateId,
    string TemplateName,
    AspectRatio AspectRatio,
    string Provider,
    GenerationMode Mode,
    JobStatus Status,
    double Progress,
    decimal EstimatedCostUsd,
    decimal ActualCostUsd,
    string? Error,
    DateTimeOffset CreatedAt,
    DateTimeOffset? StartedAt,
    DateTimeOffset? FinishedAt,
    bool HasVideo,
    IReadOnlyList<SegmentDetails> Segments,
    IReadOnlyList<string>? Fallback = null)
{
    /// <summary>Language of the narration. Default "en".</summary>
    public string Language { get; init; } = Scripts.NarrationLanguages.English;

    /// <summary>Who reads the narration; null for no voice-over. Default null.</summary>
    public Voice.VoiceChoice? Voice { get; init; }

    /// <summary>True when captions are burned in and exported. Default false.</summary>
    public bool Captions { get; init; }

    /// <summary>The music asset under the cut, or null. Default null.</summary>
    public Guid? MusicAssetId { get; init; }

    /// <summary>How segments give way to each other. Default cut.</summary>
    public TransitionStyle Transition { get; init; }

    /// <summary>Which outputs can be downloaded; filled by <see cref="JobService.GetAsync"/>. Default none.</summary>
    public AvailableDownloads Downloads { get; init; } = AvailableDownloads.None;

    /// <summary>The estimate by part (segments, storyboard, voice-over). Default zero.</summary>
    public CostBreakdown EstimatedCost { get; init; } = CostBreakdown.Zero;

    /// <summary>What was spent so far, by part. Default zero.</summary>
    public CostBreakdown ActualCost { get; init; } = CostBreakdown.Zero;

    /// <summary>Length of the video.</summary>
    public TimeSpan TotalDuration => TimeSpan.FromSeconds(Segments.Sum(s => s.Seconds));

    /// <summary>The job as its owner sees it, its failure reasons worded in the current UI culture's language by <paramref name="words"/>.</summary>
    internal static JobDetails From(ProductionJob job, IStringLocalizer<StoredText> words) => new(
        job.Id,
        job.Title,
        job.Theme,
        job.TemplateId,
        job.TemplateName,
        job.AspectRatio,
        job.Provider,
        job.Mode,
        job.Status,
        JobProgress.Of(job),
        job.EstimatedCostUsd,
        job.SpentUsd,
        StoredText.Show(job.ErrorText, job.Error, words),
        job.CreatedAt,
        job.StartedAt,
        job.FinishedAt,
        job.FinalVideoFile is not null,
        [.. job.Segments.OrderBy(s => s.Index).Select(s => SegmentDetails.From(s, words))],
        [.. job.ProviderChain.Skip(1)])
    {
        Language = job.Language,
        Voice = job.Cut.Voice,
        Captions = job.Captions,
        MusicAssetId = job.MusicAssetId,
        Transition = job.Transition,
        EstimatedCost = job.EstimatedCost,
        ActualCost = job.SpentCost,
    };
}
