using System.Globalization;
using System.Text;

namespace Studio.Core.Notifications;

/// <summary>
/// POSTs webhook bodies over a typed <see cref="HttpClient"/> (the host registers it without blind retries: the outbox
/// retries, with its own backoff, and each attempt counts). Redirects are not followed: a receiver answers itself.
/// </summary>
public sealed class HttpWebhookSender(HttpClient http, TimeProvider time) : IWebhookSender
{
    /// <inheritdoc />
    public async Task SendAsync(WebhookRequest request, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(request);
        var timestamp = time.GetUtcNow().ToUnixTimeSeconds();
        using var message = new HttpRequestMessage(HttpMethod.Post, request.Url)
        {
            Content = new StringContent(request.Body, Encoding.UTF8, "application/json"),
        };
        message.Headers.Add(WebhookSignature.TimestampHeader, timestamp.ToString(CultureInfo.InvariantCulture));
        message.Headers.Add(WebhookSignature.EventHeader, request.EventName);
        message.Headers.Add(WebhookSignature.DeliveryHeader, request.DeliveryId.ToString());
        message.Headers.UserAgent.ParseAdd("Studio-Webhooks/1.0");
        if (request.Secret is not null)
        {
            message.Headers.Add(WebhookSignature.SignatureHeader, WebhookSignature.Sign(request.Secret, timestamp, request.Body));
        }

        using var response = await http.SendAsync(message, HttpCompletionOption.ResponseHeadersRead, ct).ConfigureAwait(false);
        if (!response.IsSuccessStatusCode)
        {
            var status = ((int)response.StatusCode).ToString(CultureInfo.InvariantCulture);
            throw new WebhookException($"{status} {response.ReasonPhrase}".TrimEnd());
        }
    }
}
