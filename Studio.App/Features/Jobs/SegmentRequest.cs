namespace Studio.App.Features.Jobs;

/// <summary>One item of <c>segments</c> in <c>POST /api/jobs</c>: what the clip shows and what is said over it; either left out is written by the script writer.</summary>
public sealed record SegmentRequest(string? Prompt, string? Narration);
