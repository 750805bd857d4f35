namespace Studio.App.Features.Jobs;

/// <summary>
/// One item of <c>segments</c> in <c>POST /api/jobs</c>: what the clip shows and what is said over it (either left
/// out is written by the script writer), its own mode (a hybrid job; default the job's) and, for image- and
/// video-to-video, the uploaded asset it starts from.
/// </summary>
public sealed record SegmentRequest(string? Prompt, string? Narration, string? Mode = null, Guid? AssetId = null);
