using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Studio.Core.Common;
using Studio.Core.Providers;
using Studio.Providers.Http;
using Studio.Providers.Sim.Wire;

namespace Studio.Providers.Sim;

/// <summary>
/// The simulator protocol's typed client: one method per route, over the <c>sim</c> HttpClient and its resilience
/// pipeline. Failures come out as <see cref="ProviderException"/>s (<see cref="ProviderHttpFailures"/>); a 404 for a
/// generation comes out as null, for the caller to decide what a missing generation means.
/// </summary>
/// <param name="http">The named <c>sim</c> client (base address and key set at registration).</param>
public sealed class SimApiClient(HttpClient http)
{
    private const string Generations = "v1/generations";
    private const string ApiKeySetting = SimProviderOptions.Section + ":ApiKey";

    /// <summary><c>POST /v1/generations</c>: starts a generation.</summary>
    public async Task<SimGeneration> CreateAsync(SimCreateRequest request, CancellationToken ct)
    {
        using var message = new HttpRequestMessage(HttpMethod.Post, Generations)
        {
            Content = JsonContent.Create(request, SimJsonContext.Default.SimCreateRequest),
        };
        using var response = await SendAsync(message, HttpCompletionOption.ResponseContentRead, ct).ConfigureAwait(false);
        await EnsureSuccessAsync(response, ct).ConfigureAwait(false);
        return await ReadAsync(response, SimJsonContext.Default.SimGeneration, ct).ConfigureAwait(false);
    }

    /// <summary><c>GET /v1/generations/{id}</c>; null when the simulator does not know the id.</summary>
    public async Task<SimGeneration?> GetAsync(string id, CancellationToken ct)
    {
        using var message = new HttpRequestMessage(HttpMethod.Get, $"{Generations}/{Uri.EscapeDataString(id)}");
        using var response = await SendAsync(message, HttpCompletionOption.ResponseContentRead, ct).ConfigureAwait(false);
        if (response.StatusCode == HttpStatusCode.NotFound)
        {
            return null;
        }

        await EnsureSuccessAsync(response, ct).ConfigureAwait(false);
        return await ReadAsync(response, SimJsonContext.Default.SimGeneration, ct).ConfigureAwait(false);
    }

    /// <summary><c>GET /v1/generations?client_reference=…</c>: the generations started with that reference, newest first.</summary>
    public async Task<IReadOnlyList<SimGeneration>> ListAsync(string clientReference, CancellationToken ct)
    {
        using var message = new HttpRequestMessage(HttpMethod.Get, $"{Generations}?client_reference={Uri.EscapeDataString(clientReference)}");
        using var response = await SendAsync(message, HttpCompletionOption.ResponseContentRead, ct).ConfigureAwait(false);
        await EnsureSuccessAsync(response, ct).ConfigureAwait(false);
        return (await ReadAsync(response, SimJsonContext.Default.SimGenerationList, ct).ConfigureAwait(false)).Data;
    }

    /// <summary>
    /// <c>GET /v1/generations/{id}/content</c>: copies the MP4 to <paramref name="destination"/>; false when the id is
    /// unknown. Content asked for too early (409) is a transient failure.
    /// </summary>
    public async Task<bool> DownloadAsync(string id, Stream destination, CancellationToken ct)
    {
        using var message = new HttpRequestMessage(HttpMethod.Get, $"{Generations}/{Uri.EscapeDataString(id)}/content");
        using var response = await SendAsync(message, HttpCompletionOption.ResponseHeadersRead, ct).ConfigureAwait(false);
        if (response.StatusCode == HttpStatusCode.NotFound)
        {
            return false;
        }

        if (response.StatusCode == HttpStatusCode.Conflict)
        {
            throw new ProviderException(StoredText.Of("{0} has not finished this clip yet.", SimVideoProvider.Title), isPermanent: false);
        }

        await EnsureSuccessAsync(response, ct).ConfigureAwait(false);
        try
        {
            await response.Content.CopyToAsync(destination, ct).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is HttpRequestException or IOException && !ct.IsCancellationRequested)
        {
            throw new ProviderException(StoredText.Of("{0}'s download broke off: {1}", SimVideoProvider.Title, ex.Message), isPermanent: false, ex);
        }

        return true;
    }

    /// <summary><c>DELETE /v1/generations/{id}</c>; false when the id is unknown.</summary>
    public async Task<bool> CancelAsync(string id, CancellationToken ct)
    {
        using var message = new HttpRequestMessage(HttpMethod.Delete, $"{Generations}/{Uri.EscapeDataString(id)}");
        using var response = await SendAsync(message, HttpCompletionOption.ResponseContentRead, ct).ConfigureAwait(false);
        if (response.StatusCode == HttpStatusCode.NotFound)
        {
            return false;
        }

        await EnsureSuccessAsync(response, ct).ConfigureAwait(false);
        return true;
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
            var body = await response.Content.ReadFromJsonAsync(SimJsonContext.Default.SimErrorResponse, ct).ConfigureAwait(false);
            said = body?.Error?.Message;
        }
        catch (Exception ex) when (ex is JsonException or NotSupportedException or HttpRequestException or IOException)
        {
            // Not the protocol's error shape (a proxy's page, a cut connection): the status alone must do.
        }

        throw ProviderHttpFailures.ForStatus(response.StatusCode, said, SimVideoProvider.Title, ApiKeySetting);
    }

    private static async Task<T> ReadAsync<T>(HttpResponseMessage response, System.Text.Json.Serialization.Metadata.JsonTypeInfo<T> type, CancellationToken ct)
    {
        try
        {
            return await response.Content.ReadFromJsonAsync(type, ct).ConfigureAwait(false)
                ?? throw new ProviderException(StoredText.Of("{0} answered with an empty body.", SimVideoProvider.Title), isPermanent: false);
        }
        catch (Exception ex) when (ex is JsonException or NotSupportedException)
        {
            throw new ProviderException(StoredText.Of("{0} answered something Studio cannot read.", SimVideoProvider.Title), isPermanent: false, ex);
        }
    }

    private Task<HttpResponseMessage> SendAsync(HttpRequestMessage message, HttpCompletionOption completion, CancellationToken ct) =>
        ProviderHttpFailures.SendAsync(http, message, completion, SimVideoProvider.Title, ct);
}
