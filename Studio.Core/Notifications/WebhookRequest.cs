namespace Studio.Core.Notifications;

/// <summary>A webhook POST to make.</summary>
/// <param name="Url">Where to.</param>
/// <param name="DeliveryId">The delivery's id (the <c>X-Studio-Delivery</c> header).</param>
/// <param name="EventName">The event (the <c>X-Studio-Event</c> header).</param>
/// <param name="Body">The JSON body, signed exactly as sent.</param>
/// <param name="Secret">The signing key; null signs nothing (no signature header).</param>
public sealed record WebhookRequest(Uri Url, Guid DeliveryId, string EventName, string Body, string? Secret);
