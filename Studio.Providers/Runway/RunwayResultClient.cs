using System.Net;
using Studio.Core.Common;
using Studio.Core.Providers;
using Studio.Providers.Http;

namespace Studio.Providers.Runway;

/// <summary>
/// Fetches Runway's results from their signed CDN URLs, over the <c>runway-results</c> HttpClient: the provider
/// pipeline (GETs retried on transient failures) with no API key and no Runway headers, since the URL carries its own
/// signature and the key must not travel to another host.
/// </summary>
/// <param name="http">The named <c>runway-results</c> client (no base address, no default headers).</param>
public sealed class RunwayResultClient(HttpClient http)
{
    /// <summary>The HttpClient's (and its pipeline's) name.</summary>
    public const string ClientName = RunwayVideoProvider.ProviderName + "-results";

    /// <summary>Copies the result at <paramref name="url"/> to <paramref name="destination"/>.</summary>
    /// <exception cref="ProviderException">
    /// The signed URL expired or is refused (403, 404, 410: transient, the clip is made again), or the download failed.
    /// </exception>
    public async Task DownloadAsync(Uri url, Stream destination, CancellationToken ct)
    {
        using var message = new HttpRequestMessage(HttpMethod.Get, url);
        using var response = await ProviderHttpFailures.SendAsync(http, message, HttpCompletionOption.ResponseHeadersRead, RunwayVideoProvider.Title, ct)
            .ConfigureAwait(false);
        if (response.StatusCode is HttpStatusCode.Forbidden or HttpStatusCode.NotFound or HttpStatusCode.Gone)
        {
            throw new ProviderException(
                StoredText.Of("{0}'s result link has expired (HTTP {1}); the clip will be made again.", RunwayVideoProvider.Title, (int)response.StatusCode),
                isPermanent: false);
        }

        if (!response.IsSuccessStatusCode)
        {
            // The CDN's answer is not Runway's API: no key to blame, no error body to read.
            throw new ProviderException(
                StoredText.Of("{0}'s result could not be downloaded (HTTP {1}).", RunwayVideoProvider.Title, (int)response.StatusCode),
                isPermanent: false);
        }

        try
        {
            await response.Content.CopyToAsync(destination, ct).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is HttpRequestException or IOException && !ct.IsCancellationRequested)
        {
            throw new ProviderException(StoredText.Of("{0}'s download broke off: {1}", RunwayVideoProvider.Title, ex.Message), isPermanent: false, ex);
        }
    }
}
