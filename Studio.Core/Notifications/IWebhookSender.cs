namespace Studio.Core.Notifications;

/// <summary>The webhook seam: POSTs one signed body or throws saying why it was not accepted.</summary>
public interface IWebhookSender
{
    /// <summary>Sends the request; throws <see cref="WebhookException"/> on a non-2xx answer, or the transport's exception.</summary>
    Task SendAsync(WebhookRequest request, CancellationToken ct);
}
