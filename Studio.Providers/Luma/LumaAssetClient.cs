using System.Globalization;
using System.Net;
using Studio.Core.Common;
using Studio.Core.Providers;
using Studio.Providers.Http;

namespace Studio.Providers.Luma;

/// <summary>
/// Fetches finished clips from Luma's CDN (<c>assets.video</c>) over the <c>luma-assets</c> HttpClient, which has no
/// base address and never carries the API key: the CDN is another host and needs none.
/// </summary>
/// <param name="http">The named <c>luma-assets</c> client.</param>
public sealed class LumaAssetClient(HttpClient http)
{
    /// <summary>The HttpClient's (and its pipeline's) name.</summary>
    public const string ClientName = "luma-assets";

    /// <summary>
    /// Copies the file at <paramref name="url"/> to <paramref name="destination"/>. A 403, 404 or 410 means the signed
    /// link expired: a transient failure (the clip is made again); so is a download that breaks off.
    /// </summary>
    public async Task DownloadAsync(Uri url, Stream destination, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(url);
        ArgumentNullException.ThrowIfNull(destination);
        using var message = new HttpRequestMessage(HttpMethod.Get, url);
        using var response = await ProviderHttpFailures.SendAsync(http, message, HttpCompletionOption.ResponseHeadersRead, LumaVideoProvider.Title, ct).ConfigureAwait(false);
        var status = response.StatusCode;
        if (status is HttpStatusCode.Forbidden or HttpStatusCode.NotFound or HttpStatusCode.Gone)
        {
            throw new ProviderException(
                StoredText.Of("{0}'s link to the finished clip has expired (HTTP {1}); it will be made again.", LumaVideoProvider.Title, (int)status),
                isPermanent: false);
        }

        if (!response.IsSuccessStatusCode)
        {
            throw new ProviderException(
                StoredText.Of("{0}'s file server did not hand over the clip (HTTP {1}).", LumaVideoProvider.Title, (int)status),
                isPermanent: false);
        }

        try
        {
            await response.Content.CopyToAsync(destination, ct).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is HttpRequestException or IOException && !ct.IsCancellationRequested)
        {
            throw new ProviderException(StoredText.Of("{0}'s download broke off: {1}", LumaVideoProvider.Title, ex.Message), isPermanent: false, ex);
        }
    }
}
