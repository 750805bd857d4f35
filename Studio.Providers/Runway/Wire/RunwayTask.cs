namespace Studio.Providers.Runway.Wire;

/// <summary>A task as <c>GET /v1/tasks/{id}</c> reports it; fields that do not apply are omitted (or null).</summary>
/// <param name="Id">The task id.</param>
/// <param name="Status">One of <see cref="RunwayTaskStatuses"/>.</param>
/// <param name="Progress">0 to 1, only while running.</param>
/// <param name="Output">Signed result URLs (expiring within 24–48 h), only when succeeded.</param>
/// <param name="Failure">Why it failed, in words, only when failed.</param>
/// <param name="FailureCode">Dot-separated code, general to specific (e.g. <c>SAFETY.INPUT.TEXT</c>), only when failed.</param>
/// <param name="CreatedAt">When it was created.</param>
public sealed record RunwayTask(
    string? Id,
    string? Status,
    double? Progress,
    IReadOnlyList<string>? Output,
    string? Failure,
    string? FailureCode,
    DateTimeOffset? CreatedAt);
