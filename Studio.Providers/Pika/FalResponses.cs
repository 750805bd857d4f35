using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using Studio.Core.Common;
using Studio.Core.Providers;
using Studio.Providers.Http;
using Studio.Providers.Pika.Wire;

namespace Studio.Providers.Pika;

/// <summary>What Pika's two keyed clients share: reading fal's answers and errors, and keeping the key on the API's host.</summary>
internal static class FalResponses
{
    /// <summary>True when <paramref name="url"/> is on the client's API host (scheme, host and port of its base address).</summary>
    public static bool IsOnApiHost(HttpClient http, Uri url) =>
        url.IsAbsoluteUri && http.BaseAddress is { } api
        && Uri.Compare(url, api, UriComponents.SchemeAndServer, UriFormat.Unescaped, StringComparison.OrdinalIgnoreCase) == 0;

    /// <summary><paramref name="url"/>, when it is on the API's host; else a permanent error (the key goes to that host only).</summary>
    public static Uri OnApiHost(HttpClient http, Uri url) => IsOnApiHost(http, url)
        ? url
        : throw new ProviderException(
            StoredText.Of("{0} named a URL on another host than {1}:BaseUrl; Studio sends the key to that host only.", PikaVideoProvider.Title, PikaOptions.Section),
            isPermanent: true);

    /// <summary>Nothing for a success; else the provider exception for the status, with fal's words.</summary>
    public static async Task EnsureSuccessAsync(HttpResponseMessage response, CancellationToken ct)
    {
        if (response.IsSuccessStatusCode)
        {
            return;
        }

        var said = await ErrorMessageAsync(response, ct).ConfigureAwait(false);
        throw ProviderHttpFailures.ForStatus(response.StatusCode, said, PikaVideoProvider.Title, PikaApiClient.ApiKeySetting);
    }

    /// <summary>fal's <c>detail</c>, in one line; null when the body is not fal's error shape.</summary>
    public static async Task<string?> ErrorMessageAsync(HttpResponseMessage response, CancellationToken ct) =>
        (await TryReadAsync(response, PikaJsonContext.Default.FalError, ct).ConfigureAwait(false))?.Message();

    /// <summary>The body as <typeparamref name="T"/>, or null when it is not that.</summary>
    public static async Task<T?> TryReadAsync<T>(HttpResponseMessage response, JsonTypeInfo<T> type, CancellationToken ct)
        where T : class
    {
        try
        {
            return await response.Content.ReadFromJsonAsync(type, ct).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is JsonException or NotSupportedException or HttpRequestException or IOException)
        {
            // Not fal's shape (a proxy's page, a cut connection): the status alone must do.
            return null;
        }
    }

    /// <summary>The body as <typeparamref name="T"/>; a transient provider error when it cannot be read.</summary>
    public static async Task<T> ReadAsync<T>(HttpResponseMessage response, JsonTypeInfo<T> type, CancellationToken ct)
    {
        try
        {
            return await response.Content.ReadFromJsonAsync(type, ct).ConfigureAwait(false)
                ?? throw new ProviderException(StoredText.Of("{0} answered with an empty body.", PikaVideoProvider.Title), isPermanent: false);
        }
        catch (Exception ex) when (ex is JsonException or NotSupportedException)
        {
            throw new ProviderException(StoredText.Of("{0} answered something Studio cannot read.", PikaVideoProvider.Title), isPermanent: false, ex);
        }
    }
}
