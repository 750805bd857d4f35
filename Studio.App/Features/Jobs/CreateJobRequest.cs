namespace Studio.App.Features.Jobs;

/// <summary>Body of <c>POST /api/jobs</c>.</summary>
public sealed record CreateJobRequest(
    string? Title,
    string? Theme,
    string? Template,
    string? Provider,
    string? Mode,
    IReadOnlyList<string>? Prompts);
