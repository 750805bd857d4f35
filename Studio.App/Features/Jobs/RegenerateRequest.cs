namespace Studio.App.Features.Jobs;

/// <summary>Body of <c>POST /api/jobs/{id}/segments/{index}/regenerate</c> (optional): a new prompt for the new take.</summary>
public sealed record RegenerateRequest(string? Prompt);
