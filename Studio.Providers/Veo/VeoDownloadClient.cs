using System.Net;
using Microsoft.Extensions.Options;
using Studio.Core.Common;
using Studio.Core.Providers;
using Studio.Providers.Http;

namespace Studio.Providers.Veo;

/// <summary>
/// Downloads Veo's clips. The file URL is on the Gemini API and needs the key; it answers a redirect to Google's
/// storage, whose link is signed. .NET would carry custom headers (the key) along an automatic redirect, so this
/// client's handler does not follow redirects: it follows them itself, without the key. The <c>veo-download</c>
/// HttpClient runs through the provider pipeline (GETs retried on transient failures), tuned by the same Http section.
/// </summary>
/// <param name="http">The named <c>veo-download</c> client (auto-redirect off, no default headers).</param>
/// <param name="options">The key and the API's address.</param>
public sealed class VeoDownloadClient(HttpClient http, IOptions<VeoOptions> options)
{
    /// <summary>The HttpClient's (and its pipeline's) name.</summary>
    public const string ClientName = VeoVideoProvider.ProviderName + "-download";

    /// <summary>The header the Gemini API reads the key from.</summary>
    public const string KeyHeader = "x-goog-api-key";

    private const int MaxRedirects = 5;

    /// <summary>
    /// Copies the clip at <paramref name="uri"/> to <paramref name="destination"/>. The key goes only to the Gemini
    /// API's own address (<see cref="HostedVideoProviderOptions.BaseUrl"/>'s scheme, host and port), never to where it
    /// redirects.
    /// </summary>
    /// <exception cref="ProviderException">The file expired (404, 410: transient, the clip is made again), the key was refused, or the download failed.</exception>
    public async Task DownloadAsync(Uri uri, Stream destination, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(uri);
        var settings = options.Value;
        var current = uri;
        var withKey = settings.IsConfigured && IsApiAddress(uri, settings.BaseAddress);
        for (var hop = 0; ; hop++)
        {
            using var message = new HttpRequestMessage(HttpMethod.Get, current);
            if (withKey)
            {
                message.Headers.Add(KeyHeader, settings.ApiKey);
            }

            using var response = await ProviderHttpFailures.SendAsync(http, message, HttpCompletionOption.ResponseHeadersRead, VeoVideoProvider.Title, ct)
                .ConfigureAwait(false);
            if (IsRedirect(response.StatusCode))
            {
                var location = response.Headers.Location;
                if (location is null || hop >= MaxRedirects)
                {
                    throw new ProviderException(StoredText.Of("{0}'s download was redirected without end or without an address.", VeoVideoProvider.Title), isPermanent: false);
                }

                current = location.IsAbsoluteUri ? location : new Uri(current, location);
                withKey = false;
                continue;
            }

            if (response.StatusCode is HttpStatusCode.NotFound or HttpStatusCode.Gone)
            {
                throw new ProviderException(
                    StoredText.Of("{0}'s clip has expired (HTTP {1}; Google keeps them 2 days); it will be made again.", VeoVideoProvider.Title, (int)response.StatusCode),
                    isPermanent: false);
            }

            if (!response.IsSuccessStatusCode)
            {
                throw withKey
                    ? await VeoErrors.ForAsync(response, ct).ConfigureAwait(false)
                    : new ProviderException(StoredText.Of("{0}'s clip could not be fetched from storage (HTTP {1}).", VeoVideoProvider.Title, (int)response.StatusCode), isPermanent: false);
            }

            try
            {
                await response.Content.CopyToAsync(destination, ct).ConfigureAwait(false);
                return;
            }
            catch (Exception ex) when (ex is HttpRequestException or IOException && !ct.IsCancellationRequested)
            {
                throw new ProviderException(StoredText.Of("{0}'s download broke off: {1}", VeoVideoProvider.Title, ex.Message), isPermanent: false, ex);
            }
        }
    }

    private static bool IsRedirect(HttpStatusCode status) =>
        status is HttpStatusCode.MovedPermanently or HttpStatusCode.Found or HttpStatusCode.SeeOther
            or HttpStatusCode.TemporaryRedirect or HttpStatusCode.PermanentRedirect;

    private static bool IsApiAddress(Uri uri, Uri api) =>
        Uri.Compare(uri, api, UriComponents.SchemeAndServer, UriFormat.Unescaped, StringComparison.OrdinalIgnoreCase) == 0;
}
