namespace Studio.Providers.Pika.Wire;

/// <summary>fal's answer to a queue submission. Its URLs name only the app (<c>fal-ai/pika</c>), not the endpoint's sub-path.</summary>
/// <param name="Status">"IN_QUEUE".</param>
/// <param name="RequestId">fal's request id.</param>
/// <param name="ResponseUrl">Where the result (or the model's error) is fetched.</param>
/// <param name="StatusUrl">Where the status is polled.</param>
/// <param name="CancelUrl">Where a cancellation is PUT.</param>
/// <param name="QueuePosition">Place in fal's queue, when given.</param>
public sealed record FalQueueSubmission(
    string? Status,
    string? RequestId,
    string? ResponseUrl,
    string? StatusUrl,
    string? CancelUrl,
    int? QueuePosition);
