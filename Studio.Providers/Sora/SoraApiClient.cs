using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using Studio.Core.Common;
using Studio.Core.Providers;
using Studio.Providers.Http;
using Studio.Providers.Sora.Wire;

namespace Studio.Providers.Sora;

/// <summary>
/// OpenAI's Videos API as a typed client: one method per route, over the <c>sora</c> HttpClient (Bearer key, base
/// address <c>Studio:Providers:Sora:BaseUrl</c>) and its resilience pipeline. Failures come out as
/// <see cref="ProviderException"/>s carrying OpenAI's own message; a 404 for a video comes out as null or false.
/// </summary>
/// <param name="http">The named <c>sora</c> client.</param>
public sealed class SoraApiClient(HttpClient http)
{
    /// <summary>The configuration key of the API key, named when OpenAI refuses it.</summary>
    public const string ApiKeySetting = SoraOptions.Section + ":ApiKey";

    /// <summary>The response header carrying OpenAI's suggested wait before the next status call, in milliseconds.</summary>
    public const string PollAfterHeader = "openai-poll-after-ms";

    private const string Videos = "videos";

    /// <summary><c>POST videos</c> with a JSON body: text-to-video.</summary>
    public async Task<SoraVideo> CreateAsync(SoraCreateRequest request, CancellationToken ct)
    {
        using var message = new HttpRequestMessage(HttpMethod.Post, Videos)
        {
            Content = JsonContent.Create(request, SoraJsonContext.Default.SoraCreateRequest),
        };
        return await CreateAsync(message, ct).ConfigureAwait(false);
    }

    /// <summary>
    /// <c>POST videos</c> as <c>multipart/form-data</c>: the same fields, and the start image as the file part
    /// <c>input_reference</c> (it must be exactly the requested size).
    /// </summary>
    public async Task<SoraVideo> CreateAsync(SoraCreateRequest request, byte[] image, string imageContentType, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(request);
        using var form = new MultipartFormDataContent();
        form.Add(new StringContent(request.Prompt), "prompt");
        form.Add(new StringContent(request.Model), "model");
        form.Add(new StringContent(request.Seconds), "seconds");
        form.Add(new StringContent(request.Size), "size");
        var file = new ByteArrayContent(image);
        file.Headers.ContentType = new MediaTypeHeaderValue(imageContentType);
        form.Add(file, "input_reference", imageContentType == "image/png" ? "input.png" : "input.jpg");
        using var message = new HttpRequestMessage(HttpMethod.Post, Videos) { Content = form };
        return await CreateAsync(message, ct).ConfigureAwait(false);
    }

    /// <summary><c>GET videos/{id}</c>, with the wait OpenAI asks for; null when OpenAI does not know the id.</summary>
    public async Task<SoraPolled?> GetAsync(string id, CancellationToken ct)
    {
        using var message = new HttpRequestMessage(HttpMethod.Get, $"{Videos}/{Uri.EscapeDataString(id)}");
        using var response = await SendAsync(message, HttpCompletionOption.ResponseContentRead, ct).ConfigureAwait(false);
        if (response.StatusCode == HttpStatusCode.NotFound)
        {
            return null;
        }

        await EnsureSuccessAsync(response, ct).ConfigureAwait(false);
        var video = await ReadAsync(response, SoraJsonContext.Default.SoraVideo, ct).ConfigureAwait(false);
        return new SoraPolled(video, PollAfterOf(response));
    }

    /// <summary>
    /// <c>GET videos/{id}/content?variant=video</c> (<c>Accept: application/binary</c>): copies the MP4 to
    /// <paramref name="destination"/>. Any refusal but a refused key means the content is gone (expired) or not
    /// there yet: a transient failure, so the clip is made again.
    /// </summary>
    public async Task DownloadAsync(string id, Stream destination, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(destination);
        using var message = new HttpRequestMessage(HttpMethod.Get, $"{Videos}/{Uri.EscapeDataString(id)}/content?variant=video");
        message.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/binary"));
        using var response = await SendAsync(message, HttpCompletionOption.ResponseHeadersRead, ct).ConfigureAwait(false);
        var status = (int)response.StatusCode;
        if (status is >= 400 and < 500 and not 401 and not 403 and not 429)
        {
            var said = await MessageOfAsync(response, ct).ConfigureAwait(false);
            throw new ProviderException(
                said is null
                    ? StoredText.Of("{0} no longer has this video's content (HTTP {1}): it expired or is not ready; it will be made again.", SoraVideoProvider.Title, status)
                    : StoredText.Of("{0} no longer has this video's content (HTTP {1}: {2}): it expired or is not ready; it will be made again.", SoraVideoProvider.Title, status, said),
                isPermanent: false);
        }

        await EnsureSuccessAsync(response, ct).ConfigureAwait(false);
        try
        {
            await response.Content.CopyToAsync(destination, ct).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is HttpRequestException or IOException && !ct.IsCancellationRequested)
        {
            throw new ProviderException(StoredText.Of("{0}'s download broke off: {1}", SoraVideoProvider.Title, ex.Message), isPermanent: false, ex);
        }
    }

    /// <summary><c>DELETE videos/{id}</c>; false when OpenAI does not know the id.</summary>
    public async Task<bool> DeleteAsync(string id, CancellationToken ct)
    {
        using var message = new HttpRequestMessage(HttpMethod.Delete, $"{Videos}/{Uri.EscapeDataString(id)}");
        using var response = await SendAsync(message, HttpCompletionOption.ResponseContentRead, ct).ConfigureAwait(false);
        if (response.StatusCode == HttpStatusCode.NotFound)
        {
            return false;
        }

        await EnsureSuccessAsync(response, ct).ConfigureAwait(false);
        return true;
    }

    private async Task<SoraVideo> CreateAsync(HttpRequestMessage message, CancellationToken ct)
    {
        using var response = await SendAsync(message, HttpCompletionOption.ResponseContentRead, ct).ConfigureAwait(false);
        await EnsureSuccessAsync(response, ct).ConfigureAwait(false);
        var created = await ReadAsync(response, SoraJsonContext.Default.SoraVideo, ct).ConfigureAwait(false);
        return string.IsNullOrEmpty(created.Id)
            ? throw new ProviderException(StoredText.Of("{0} accepted the video but sent no id.", SoraVideoProvider.Title), isPermanent: false)
            : created;
    }

    private static TimeSpan? PollAfterOf(HttpResponseMessage response) =>
        response.Headers.TryGetValues(PollAfterHeader, out var values)
        && double.TryParse(values.FirstOrDefault(), NumberStyles.Float, CultureInfo.InvariantCulture, out var milliseconds)
        && double.IsFinite(milliseconds) && milliseconds >= 0
            ? TimeSpan.FromMilliseconds(milliseconds)
            : null;

    /// <summary>
    /// Throws for an answer that is not a success. A 429 whose code is <c>insufficient_quota</c> is no rate limit but
    /// a spent account: permanent, with a message that says so (the shared pipeline has already retried it, as it
    /// retries every 429; see README.md).
    /// </summary>
    private static async Task EnsureSuccessAsync(HttpResponseMessage response, CancellationToken ct)
    {
        if (response.IsSuccessStatusCode)
        {
            return;
        }

        var error = await ErrorOfAsync(response, ct).ConfigureAwait(false);
        if (response.StatusCode == HttpStatusCode.TooManyRequests && IsQuotaSpent(error))
        {
            throw new ProviderException(
                StoredText.Of("{0} refused: the OpenAI account's quota is spent ({1}). Add credit or raise the limit at OpenAI, then start the job again.", SoraVideoProvider.Title, error!.Message),
                isPermanent: true)
            {
                NothingStarted = true,
            };
        }

        throw ProviderHttpFailures.ForStatus(response.StatusCode, error?.Message, SoraVideoProvider.Title, ApiKeySetting);
    }

    private static bool IsQuotaSpent(SoraErrorDetail? error) =>
        error is not null && (error.Code == "insufficient_quota" || error.Type == "insufficient_quota");

    private static async Task<string?> MessageOfAsync(HttpResponseMessage response, CancellationToken ct) =>
        (await ErrorOfAsync(response, ct).ConfigureAwait(false))?.Message;

    private static async Task<SoraErrorDetail?> ErrorOfAsync(HttpResponseMessage response, CancellationToken ct)
    {
        try
        {
            var body = await response.Content.ReadFromJsonAsync(SoraJsonContext.Default.SoraErrorResponse, ct).ConfigureAwait(false);
            return body?.Error;
        }
        catch (Exception ex) when (ex is JsonException or NotSupportedException or HttpRequestException or IOException)
        {
            // Not OpenAI's envelope (a proxy's page, a cut connection): the status alone must do.
            return null;
        }
    }

    private static async Task<T> ReadAsync<T>(HttpResponseMessage response, JsonTypeInfo<T> type, CancellationToken ct)
    {
        try
        {
            return await response.Content.ReadFromJsonAsync(type, ct).ConfigureAwait(false)
                ?? throw new ProviderException(StoredText.Of("{0} answered with an empty body.", SoraVideoProvider.Title), isPermanent: false);
        }
        catch (Exception ex) when (ex is JsonException or NotSupportedException)
        {
            throw new ProviderException(StoredText.Of("{0} answered something Studio cannot read.", SoraVideoProvider.Title), isPermanent: false, ex);
        }
    }

    private Task<HttpResponseMessage> SendAsync(HttpRequestMessage message, HttpCompletionOption completion, CancellationToken ct) =>
        ProviderHttpFailures.SendAsync(http, message, completion, SoraVideoProvider.Title, ct);
}
