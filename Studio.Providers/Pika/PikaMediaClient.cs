using System.Net;
using Studio.Core.Providers;
using Studio.Providers.Http;

namespace Studio.Providers.Pika;

/// <summary>
/// Downloads Pika's clips from fal's media CDN (<c>fal.media</c>) over the <c>pika-media</c> HttpClient: the same
/// pipeline rules as the API (<c>Studio:Providers:Pika:Http</c>), but no key — the CDN needs none and gets none.
/// </summary>
/// <param name="http">The named <c>pika-media</c> client (no base address, no auth header).</param>
public sealed class PikaMediaClient(HttpClient http)
{
    /// <summary>The HttpClient's (and its pipeline's) name.</summary>
    public const string ClientName = PikaVideoProvider.ProviderName + "-media";

    /// <summary>Copies the file at <paramref name="url"/> to <paramref name="destination"/>.</summary>
    /// <exception cref="ProviderException">Gone (404, 403, 410: expired; transient, so the clip is made again) or failing.</exception>
    public async Task DownloadAsync(Uri url, Stream destination, CancellationToken ct)
    {
        using var message = new HttpRequestMessage(HttpMethod.Get, url);
        using var response = await ProviderHttpFailures.SendAsync(http, message, HttpCompletionOption.ResponseHeadersRead, PikaVideoProvider.Title, ct)
            .ConfigureAwait(false);
        if (response.StatusCode is HttpStatusCode.NotFound or HttpStatusCode.Forbidden or HttpStatusCode.Gone)
        {
            throw new ProviderException(
                $"{PikaVideoProvider.Title}'s result file has expired or was removed (HTTP {(int)response.StatusCode}); the clip will be made again.",
                isPermanent: false);
        }

        if (!response.IsSuccessStatusCode)
        {
            throw new ProviderException($"{PikaVideoProvider.Title}'s media server answered HTTP {(int)response.StatusCode} for the result file.", isPermanent: false);
        }

        try
        {
            await response.Content.CopyToAsync(destination, ct).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is HttpRequestException or IOException && !ct.IsCancellationRequested)
        {
            throw new ProviderException($"{PikaVideoProvider.Title}'s download broke off: {ex.Message}", isPermanent: false, ex);
        }
    }
}
