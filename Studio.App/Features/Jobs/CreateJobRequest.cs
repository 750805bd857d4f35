namespace Studio.App.Features.Jobs;

/// <summary>Body of <c>POST /api/jobs</c>.</summary>
/// <remarks><c>fallback</c>: providers that take a segment over, in order, when the provider cannot make it; <c>allowFallback</c>: true to use the configured chain when no fallback is given.</remarks>
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
    IReadOnlyList<string?>? Narrations = null,
    IReadOnlyList<string>? Fallback = null,
    bool? AllowFallback = null);
