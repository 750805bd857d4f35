namespace Studio.Core.Notifications;

/// <summary>The JSON body of a webhook POST (camelCase on the wire); see the README beside this file.</summary>
/// <param name="Event"><c>job.completed</c>, <c>job.failed</c> or <c>test</c>.</param>
/// <param name="JobId">The job; null for a test.</param>
/// <param name="Title">The job's title.</param>
/// <param name="Status"><c>Completed</c> or <c>Failed</c>; null for a test.</param>
/// <param name="Error">Why it failed; null otherwise.</param>
/// <param name="CostUsd">What it cost, in USD; null for a test.</param>
/// <param name="OccurredAt">When the job reached the outcome (or the test was asked for).</param>
/// <param name="Links">Where to see and download it.</param>
public sealed record WebhookPayload(
    string Event,
    Guid? JobId,
    string Title,
    string? Status,
    string? Error,
    decimal? CostUsd,
    DateTimeOffset OccurredAt,
    WebhookLinks? Links);

/// <summary>Links in a webhook body: absolute when <c>Studio:PublicBaseUrl</c> is set, otherwise paths on the server.</summary>
/// <param name="Job">The job's page.</param>
/// <param name="Video">The final video (API, needs the owner's token); null when it failed.</param>
/// <param name="Poster">The poster image (API); null when it failed.</param>
public sealed record WebhookLinks(string Job, string? Video, string? Poster);
