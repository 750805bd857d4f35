using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Studio.Core.Common;
using Studio.Core.Providers;
using Studio.Providers.Http;
using Studio.Providers.Stability.Wire;

namespace Studio.Providers.Stability;

/// <summary>
/// Stability's v2beta image-to-video API: one method per route, over the <c>stability</c> HttpClient (base address and
/// bearer key set at registration) and its resilience pipeline. Errors come out as <see cref="ProviderException"/>s
/// with Stability's own words (<c>errors</c> joined); a 403 named <c>content_moderation</c> is a moderation refusal,
/// not a key problem.
/// </summary>
/// <param name="http">The named <c>stability</c> client.</param>
public sealed class StabilityApiClient(HttpClient http)
{
    /// <summary>The setting named when Stability refuses the key.</summary>
    public const string ApiKeySetting = StabilityOptions.Section + ":ApiKey";

    /// <summary>The submission route.</summary>
    public const string SubmitPath = "v2beta/image-to-video";

    private const string ResultPath = "v2beta/image-to-video/result/";
    private const string FinishReason = "finish-reason";

    /// <summary>
    /// <c>POST v2beta/image-to-video</c> (multipart: <c>image</c>, <c>seed</c>, <c>cfg_scale</c>, <c>motion_bucket_id</c>):
    /// the generation id, or null when the route answers 404 (withdrawn for this key).
    /// </summary>
    public async Task<string?> SubmitAsync(byte[] png, long seed, double cfgScale, int motionBucketId, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(png);
        using var form = new MultipartFormDataContent();
        var image = new ByteArrayContent(png);
        image.Headers.ContentType = new MediaTypeHeaderValue("image/png");
        form.Add(image, "image", "image.png");
        form.Add(new StringContent(seed.ToString(CultureInfo.InvariantCulture)), "seed");
        form.Add(new StringContent(cfgScale.ToString(CultureInfo.InvariantCulture)), "cfg_scale");
        form.Add(new StringContent(motionBucketId.ToString(CultureInfo.InvariantCulture)), "motion_bucket_id");
        using var message = new HttpRequestMessage(HttpMethod.Post, SubmitPath) { Content = form };
        message.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
        using var response = await SendAsync(message, HttpCompletionOption.ResponseContentRead, ct).ConfigureAwait(false);
        if (response.StatusCode == HttpStatusCode.NotFound)
        {
            return null;
        }

        await EnsureSuccessAsync(response, ct).ConfigureAwait(false);
        try
        {
            var created = await response.Content.ReadFromJsonAsync(StabilityJsonContext.Default.StabilityGeneration, ct).ConfigureAwait(false);
            return string.IsNullOrWhiteSpace(created?.Id)
                ? throw new ProviderException(StoredText.Of("{0} answered without a generation id.", StabilityVideoProvider.Title), isPermanent: false)
                : created.Id;
        }
        catch (Exception ex) when (ex is JsonException or NotSupportedException)
        {
            throw new ProviderException(StoredText.Of("{0} answered something Studio cannot read.", StabilityVideoProvider.Title), isPermanent: false, ex);
        }
    }

    /// <summary><c>GET v2beta/image-to-video/result/{id}</c> with <c>Accept: video/*</c>, reading the status and headers only (the body is left unread).</summary>
    public async Task<StabilityResultState> GetResultStateAsync(string id, CancellationToken ct)
    {
        using var message = ResultRequest(id);
        using var response = await SendAsync(message, HttpCompletionOption.ResponseHeadersRead, ct).ConfigureAwait(false);
        return await StateOfAsync(response, ct).ConfigureAwait(false);
    }

    /// <summary>
    /// <c>GET v2beta/image-to-video/result/{id}</c> with <c>Accept: video/*</c>: copies the MP4 to <paramref name="destination"/>
    /// when it is ready, and says what the result was.
    /// </summary>
    public async Task<StabilityResultState> DownloadAsync(string id, Stream destination, CancellationToken ct)
    {
        using var message = ResultRequest(id);
        using var response = await SendAsync(message, HttpCompletionOption.ResponseHeadersRead, ct).ConfigureAwait(false);
        var state = await StateOfAsync(response, ct).ConfigureAwait(false);
        if (state != StabilityResultState.Succeeded)
        {
            return state;
        }

        try
        {
            await response.Content.CopyToAsync(destination, ct).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is HttpRequestException or IOException && !ct.IsCancellationRequested)
        {
            throw new ProviderException(StoredText.Of("{0}'s download broke off: {1}", StabilityVideoProvider.Title, ex.Message), isPermanent: false, ex);
        }

        return state;
    }

    private static HttpRequestMessage ResultRequest(string id)
    {
        var message = new HttpRequestMessage(HttpMethod.Get, ResultPath + Uri.EscapeDataString(id));
        message.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("video/*"));
        return message;
    }

    private static async Task<StabilityResultState> StateOfAsync(HttpResponseMessage response, CancellationToken ct)
    {
        switch (response.StatusCode)
        {
            case HttpStatusCode.Accepted:
                return StabilityResultState.InProgress;
            case HttpStatusCode.NotFound:
                return StabilityResultState.NotFound;
            case HttpStatusCode.OK:
                return response.Headers.TryGetValues(FinishReason, out var reasons)
                    && reasons.Any(r => string.Equals(r.Trim(), "CONTENT_FILTERED", StringComparison.OrdinalIgnoreCase))
                    ? StabilityResultState.ContentFiltered
                    : StabilityResultState.Succeeded;
            case HttpStatusCode.Forbidden when await IsModerationAsync(response, ct).ConfigureAwait(false):
                return StabilityResultState.ContentFiltered;
            default:
                await EnsureSuccessAsync(response, ct).ConfigureAwait(false);
                throw new ProviderException(
                    StoredText.Of("{0} answered HTTP {1} for a result.", StabilityVideoProvider.Title, (int)response.StatusCode),
                    isPermanent: false);
        }
    }

    private static async Task<bool> IsModerationAsync(HttpResponseMessage response, CancellationToken ct)
    {
        // Read into a buffer, so that EnsureSuccessAsync can read the same body again when it is not a moderation refusal.
        await response.Content.LoadIntoBufferAsync(ct).ConfigureAwait(false);
        return (await ReadErrorAsync(response, ct).ConfigureAwait(false))?.Name == StabilityError.ContentModeration;
    }

    private static async Task<StabilityError?> ReadErrorAsync(HttpResponseMessage response, CancellationToken ct)
    {
        try
        {
            return await response.Content.ReadFromJsonAsync(StabilityJsonContext.Default.StabilityError, ct).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is JsonException or NotSupportedException or HttpRequestException or IOException)
        {
            // Not Stability's error shape (a proxy's page, a cut connection): the status alone must do.
            return null;
        }
    }

    private static async Task EnsureSuccessAsync(HttpResponseMessage response, CancellationToken ct)
    {
        if (response.IsSuccessStatusCode)
        {
            return;
        }

        await response.Content.LoadIntoBufferAsync(ct).ConfigureAwait(false);
        var error = await ReadErrorAsync(response, ct).ConfigureAwait(false);

        if (response.StatusCode == HttpStatusCode.Forbidden && error?.Name == StabilityError.ContentModeration)
        {
            throw new ProviderException(StabilityVideoProvider.Moderated(error.Message()), isPermanent: true);
        }

        throw ProviderHttpFailures.ForStatus(response.StatusCode, error?.Message(), StabilityVideoProvider.Title, ApiKeySetting);
    }

    private Task<HttpResponseMessage> SendAsync(HttpRequestMessage message, HttpCompletionOption completion, CancellationToken ct) =>
        ProviderHttpFailures.SendAsync(http, message, completion, StabilityVideoProvider.Title, ct);
}
