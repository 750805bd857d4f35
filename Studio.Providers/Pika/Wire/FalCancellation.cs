namespace Studio.Providers.Pika.Wire;

/// <summary>fal's answer to <c>PUT {cancel_url}</c>: "CANCELLATION_REQUESTED" (202) or "ALREADY_COMPLETED" (400).</summary>
/// <param name="Status">What became of the request.</param>
public sealed record FalCancellation(string? Status);
