using System.Net;
using Studio.Core.Common;
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
                StoredText.Of("{0}'s result file has expired or was removed (HTTP {1}); the clip will be made again.", PikaVideoProvider.Title, (int)response.StatusCode),
                isPermanent: false);
        }

        if (!response.IsSuccessStatusCode)
        {
            throw new ProviderException(StoredText.Of("{0}'s media server answered HTTP {1} for the result file.", PikaVideoProvider.Title, (int)response.StatusCode), isPermanent: false);
        }

        try
        {
            await response.Content.CopyToAsync(destination, ct).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is HttpRequestException or IOException && !ct.IsCancellationRequested)
        {
            throw new ProviderException(StoredText.Of("{0}'s download broke off: {1}", PikaVideoProvider.Title, ex.Message), isPermanent: false, ex);
        }
    }
}
