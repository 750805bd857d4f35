using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using Studio.Core.Common;
using Studio.Core.Providers;
using Studio.Providers.Http;
using Studio.Providers.Runway.Wire;

namespace Studio.Providers.Runway;

/// <summary>
/// Runway's API as a typed client: one method per route, over the <c>runway</c> HttpClient and its resilience pipeline
/// (key and <c>X-Runway-Version</c> set at registration). Failures come out as <see cref="ProviderException"/>s with
/// Runway's own words (<see cref="ProviderHttpFailures"/>); an unknown task comes out as null or false.
/// </summary>
/// <param name="http">The named <c>runway</c> client.</param>
public sealed class RunwayApiClient(HttpClient http)
{
    private const string Tasks = "v1/tasks";
    private const string ApiKeySetting = RunwayOptions.Section + ":ApiKey";

    /// <summary><c>POST /v1/image_to_video</c>: starts a task and returns its id.</summary>
    public Task<string> ImageToVideoAsync(RunwayImageToVideoRequest request, CancellationToken ct) =>
        CreateAsync("v1/image_to_video", JsonContent.Create(request, RunwayJsonContext.Default.RunwayImageToVideoRequest), ct);

    /// <summary><c>POST /v1/text_to_video</c>: starts a task and returns its id.</summary>
    public Task<string> TextToVideoAsync(RunwayTextToVideoRequest request, CancellationToken ct) =>
        CreateAsync("v1/text_to_video", JsonContent.Create(request, RunwayJsonContext.Default.RunwayTextToVideoRequest), ct);

    /// <summary><c>POST /v1/video_to_video</c>: starts a task and returns its id.</summary>
    public Task<string> VideoToVideoAsync(RunwayVideoToVideoRequest request, CancellationToken ct) =>
        CreateAsync("v1/video_to_video", JsonContent.Create(request, RunwayJsonContext.Default.RunwayVideoToVideoRequest), ct);

    /// <summary><c>GET /v1/tasks/{id}</c>; null when Runway does not know the task (never existed, deleted or expired).</summary>
    public async Task<RunwayTask?> GetTaskAsync(string id, CancellationToken ct)
    {
        using var message = new HttpRequestMessage(HttpMethod.Get, $"{Tasks}/{Uri.EscapeDataString(id)}");
        using var response = await SendAsync(message, ct).ConfigureAwait(false);
        if (response.StatusCode == HttpStatusCode.NotFound)
        {
            return null;
        }

        await EnsureSuccessAsync(response, ct).ConfigureAwait(false);
        return await ReadAsync(response, RunwayJsonContext.Default.RunwayTask, ct).ConfigureAwait(false);
    }

    /// <summary><c>DELETE /v1/tasks/{id}</c>: cancels a task still waiting or running, else deletes it; false when Runway does not know it.</summary>
    public async Task<bool> DeleteTaskAsync(string id, CancellationToken ct)
    {
        using var message = new HttpRequestMessage(HttpMethod.Delete, $"{Tasks}/{Uri.EscapeDataString(id)}");
        using var response = await SendAsync(message, ct).ConfigureAwait(false);
        if (response.StatusCode == HttpStatusCode.NotFound)
        {
            return false;
        }

        await EnsureSuccessAsync(response, ct).ConfigureAwait(false);
        return true;
    }

    private async Task<string> CreateAsync(string route, HttpContent body, CancellationToken ct)
    {
        using var message = new HttpRequestMessage(HttpMethod.Post, route) { Content = body };
        using var response = await SendAsync(message, ct).ConfigureAwait(false);
        await EnsureSuccessAsync(response, ct).ConfigureAwait(false);
        var created = await ReadAsync(response, RunwayJsonContext.Default.RunwayTaskCreated, ct).ConfigureAwait(false);
        return string.IsNullOrWhiteSpace(created.Id)
            ? throw new ProviderException(StoredText.Of("{0} accepted the task but sent no id.", RunwayVideoProvider.Title), isPermanent: false)
            : created.Id;
    }

    private static async Task EnsureSuccessAsync(HttpResponseMessage response, CancellationToken ct)
    {
        if (response.IsSuccessStatusCode)
        {
            return;
        }

        string? said = null;
        try
        {
            said = (await response.Content.ReadFromJsonAsync(RunwayJsonContext.Default.RunwayErrorResponse, ct).ConfigureAwait(false))?.Error;
        }
        catch (Exception ex) when (ex is JsonException or NotSupportedException or HttpRequestException or IOException)
        {
            // Not Runway's error shape (a proxy's page, a cut connection): the status alone must do.
        }

        throw ProviderHttpFailures.ForStatus(response.StatusCode, said, RunwayVideoProvider.Title, ApiKeySetting);
    }

    private static async Task<T> ReadAsync<T>(HttpResponseMessage response, JsonTypeInfo<T> type, CancellationToken ct)
    {
        try
        {
            return await response.Content.ReadFromJsonAsync(type, ct).ConfigureAwait(false)
                ?? throw new ProviderException(StoredText.Of("{0} answered with an empty body.", RunwayVideoProvider.Title), isPermanent: false);
        }
        catch (Exception ex) when (ex is JsonException or NotSupportedException)
        {
            throw new ProviderException(StoredText.Of("{0} answered something Studio cannot read.", RunwayVideoProvider.Title), isPermanent: false, ex);
        }
    }

    private Task<HttpResponseMessage> SendAsync(HttpRequestMessage message, CancellationToken ct) =>
        ProviderHttpFailures.SendAsync(http, message, HttpCompletionOption.ResponseContentRead, RunwayVideoProvider.Title, ct);
}
