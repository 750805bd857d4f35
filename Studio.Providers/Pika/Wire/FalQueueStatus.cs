namespace Studio.Providers.Pika.Wire;

/// <summary>An answer of <c>GET {status_url}</c> (logs and metrics are not read).</summary>
/// <param name="Status">One of <see cref="FalStatuses"/>.</param>
/// <param name="QueuePosition">Place in fal's queue while <c>IN_QUEUE</c>.</param>
public sealed record FalQueueStatus(string? Status, int? QueuePosition);
