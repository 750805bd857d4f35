using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using Studio.Core.Providers;
using Studio.Providers.Http;
using Studio.Providers.Pika.Wire;

namespace Studio.Providers.Pika;

/// <summary>
/// fal's queue API as Pika uses it: one method per route, over the <c>pika</c> HttpClient (base address and
/// <c>Authorization: Key …</c> set at registration) and its resilience pipeline. Status and cancel calls go to
/// the URLs fal returned, which must be on the host of <c>BaseUrl</c> (the key goes nowhere else).
/// Failures of the call itself come out as <see cref="ProviderException"/>s (<see cref="ProviderHttpFailures"/>). Results
/// are read by <see cref="PikaResultClient"/>.
/// </summary>
/// <param name="http">The named <c>pika</c> client.</param>
public sealed class PikaApiClient(HttpClient http)
{
    /// <summary>The setting named when fal refuses the key.</summary>
    public const string ApiKeySetting = PikaOptions.Section + ":ApiKey";

    /// <summary><c>POST {Model}/text-to-video</c>: queues a text-to-video request.</summary>
    public Task<FalQueueSubmission> SubmitTextToVideoAsync(string model, PikaTextToVideoRequest request, CancellationToken ct) =>
        SubmitAsync($"{model.Trim('/')}/text-to-video", JsonContent.Create(request, PikaJsonContext.Default.PikaTextToVideoRequest), ct);

    /// <summary><c>POST {Model}/image-to-video</c>: queues an image-to-video request.</summary>
    public Task<FalQueueSubmission> SubmitImageToVideoAsync(string model, PikaImageToVideoRequest request, CancellationToken ct) =>
        SubmitAsync($"{model.Trim('/')}/image-to-video", JsonContent.Create(request, PikaJsonContext.Default.PikaImageToVideoRequest), ct);

    /// <summary><c>GET {status_url}</c>: any 2xx is an answer (202 while queued, 200 when done); null when fal does not know the request (404).</summary>
    public async Task<FalQueueStatus?> GetStatusAsync(Uri statusUrl, CancellationToken ct)
    {
        using var message = new HttpRequestMessage(HttpMethod.Get, OnApiHost(statusUrl));
        using var response = await SendAsync(message, HttpCompletionOption.ResponseContentRead, ct).ConfigureAwait(false);
        if (response.StatusCode == HttpStatusCode.NotFound)
        {
            return null;
        }

        await FalResponses.EnsureSuccessAsync(response, ct).ConfigureAwait(false);
        return await FalResponses.ReadAsync(response, PikaJsonContext.Default.FalQueueStatus, ct).ConfigureAwait(false);
    }

    /// <summary><c>PUT {cancel_url}</c>: true when fal took the cancellation (202), false when the request was already done or unknown.</summary>
    public async Task<bool> CancelAsync(Uri cancelUrl, CancellationToken ct)
    {
        using var message = new HttpRequestMessage(HttpMethod.Put, OnApiHost(cancelUrl));
        using var response = await SendAsync(message, HttpCompletionOption.ResponseContentRead, ct).ConfigureAwait(false);
        if (response.IsSuccessStatusCode)
        {
            return true;
        }

        if (response.StatusCode == HttpStatusCode.NotFound)
        {
            return false;
        }

        if (response.StatusCode == HttpStatusCode.BadRequest)
        {
            var answer = await FalResponses.TryReadAsync(response, PikaJsonContext.Default.FalCancellation, ct).ConfigureAwait(false);
            if (answer?.Status == FalStatuses.AlreadyCompleted)
            {
                return false;
            }
        }

        await FalResponses.EnsureSuccessAsync(response, ct).ConfigureAwait(false);
        return false;
    }

    /// <summary>True when <paramref name="url"/> is on the API's host (scheme, host and port of the base address).</summary>
    public bool IsOnApiHost(Uri url) => FalResponses.IsOnApiHost(http, url);

    private async Task<FalQueueSubmission> SubmitAsync(string path, HttpContent content, CancellationToken ct)
    {
        using var message = new HttpRequestMessage(HttpMethod.Post, path) { Content = content };
        using var response = await SendAsync(message, HttpCompletionOption.ResponseContentRead, ct).ConfigureAwait(false);
        await FalResponses.EnsureSuccessAsync(response, ct).ConfigureAwait(false);
        return await FalResponses.ReadAsync(response, PikaJsonContext.Default.FalQueueSubmission, ct).ConfigureAwait(false);
    }

    private Uri OnApiHost(Uri url) => FalResponses.OnApiHost(http, url);

    private Task<HttpResponseMessage> SendAsync(HttpRequestMessage message, HttpCompletionOption completion, CancellationToken ct) =>
        ProviderHttpFailures.SendAsync(http, message, completion, PikaVideoProvider.Title, ct);
}
