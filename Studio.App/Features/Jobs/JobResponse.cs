using Studio.Core.Jobs;
using Studio.Core.Segments;
using Studio.Core.Templates;

namespace Studio.App.Features.Jobs;

/// <summary>A job as the API shows it.</summary>
public sealed record JobResponse(
    Guid Id,
    string Title,
    string Theme,
    string Template,
    string AspectRatio,
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
    string? VideoUrl,
    string? PosterUrl,
    IReadOnlyList<string> Fallback,
    IReadOnlyList<SegmentResponse> Segments,
    string Language,
    VoiceResponse? Voice,
    bool Captions,
    Guid? MusicAssetId,
    string Transition,
    string? CaptionsUrl,
    string? ClipsUrl,
    CostResponse EstimatedCost,
    CostResponse ActualCost)
{
    public static JobResponse From(JobDetails job) => new(
        job.Id,
        job.Title,
        job.Theme,
        job.TemplateName,
        job.AspectRatio.ToDisplay(),
        job.Provider,
        job.Mode,
        job.Status,
        Math.Round(job.Progress, 4),
        job.EstimatedCostUsd,
        job.ActualCostUsd,
        job.Error,
        job.CreatedAt,
        job.StartedAt,
        job.FinishedAt,
        job.HasVideo ? $"/api/jobs/{job.Id}/video" : null,
        job.HasVideo ? $"/api/jobs/{job.Id}/poster" : null,
        job.Fallback ?? [],
        [.. job.Segments.Select(SegmentResponse.From)],
        job.Language,
        job.Voice is { } voice ? new VoiceResponse(voice.Engine, voice.Voice) : null,
        job.Captions,
        job.MusicAssetId,
        job.Transition.ToString().ToLowerInvariant(),
        job.Downloads.Captions ? $"/api/jobs/{job.Id}/captions.srt" : null,
        job.Downloads.Clips ? $"/api/jobs/{job.Id}/clips.zip" : null,
        CostResponse.From(job.EstimatedCost),
        CostResponse.From(job.ActualCost));
}
