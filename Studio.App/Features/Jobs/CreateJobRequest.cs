namespace Studio.App.Features.Jobs;

/// <summary>Body of <c>POST /api/jobs</c>.</summary>
public sealed record CreateJobRequest(
    string? Title,
    string? Theme,
    string? Template,
    string? Provider,
    string? Mode,
    IReadOnlyList<string?>? Prompts,
    string? Language = null,
    VoiceRequest? Voice = null,
    bool? Captions = null,
    Guid? MusicAssetId = null,
    string? Transition = null,
    IReadOnlyList<SegmentRequest?>? Segments = null,
    IReadOnlyList<string?>? Narrations = null);
