using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using Studio.Core.Common;
using Studio.Core.Providers;
using Studio.Providers.Http;
using Studio.Providers.Luma.Wire;

namespace Studio.Providers.Luma;

/// <summary>
/// Luma Dream Machine's typed client: one method per route, over the <c>luma</c> HttpClient (Bearer key, base address
/// <c>Studio:Providers:Luma:BaseUrl</c>) and its resilience pipeline. Failures come out as <see cref="ProviderException"/>s
/// carrying Luma's own <c>detail</c>; a 404 for a generation comes out as null or false, for the caller to decide.
/// </summary>
/// <param name="http">The named <c>luma</c> client.</param>
public sealed class LumaApiClient(HttpClient http)
{
    /// <summary>The configuration key of the API key, named when Luma refuses it.</summary>
    public const string ApiKeySetting = LumaOptions.Section + ":ApiKey";

    private const string Generations = "generations";

    /// <summary><c>POST generations</c>: starts a generation (answered 201, any 2xx accepted).</summary>
    public async Task<LumaGeneration> CreateAsync(LumaCreateRequest request, CancellationToken ct)
    {
        using var message = new HttpRequestMessage(HttpMethod.Post, Generations)
        {
            Content = JsonContent.Create(request, LumaJsonContext.Default.LumaCreateRequest),
        };
        using var response = await SendAsync(message, ct).ConfigureAwait(false);
        await EnsureSuccessAsync(response, ct).ConfigureAwait(false);
        var created = await ReadAsync(response, LumaJsonContext.Default.LumaGeneration, ct).ConfigureAwait(false);
        return string.IsNullOrEmpty(created.Id)
            ? throw new ProviderException(StoredText.Of("{0} accepted the generation but sent no id.", LumaVideoProvider.Title), isPermanent: false)
            : created;
    }

    /// <summary><c>GET generations/{id}</c>; null when Luma does not know the id.</summary>
    public async Task<LumaGeneration?> GetAsync(string id, CancellationToken ct)
    {
        using var message = new HttpRequestMessage(HttpMethod.Get, $"{Generations}/{Uri.EscapeDataString(id)}");
        using var response = await SendAsync(message, ct).ConfigureAwait(false);
        if (response.StatusCode == HttpStatusCode.NotFound)
        {
            return null;
        }

        await EnsureSuccessAsync(response, ct).ConfigureAwait(false);
        return await ReadAsync(response, LumaJsonContext.Default.LumaGeneration, ct).ConfigureAwait(false);
    }

    /// <summary><c>DELETE generations/{id}</c> (stops it, or deletes a finished one); false when Luma does not know the id.</summary>
    public async Task<bool> DeleteAsync(string id, CancellationToken ct)
    {
        using var message = new HttpRequestMessage(HttpMethod.Delete, $"{Generations}/{Uri.EscapeDataString(id)}");
        using var response = await SendAsync(message, ct).ConfigureAwait(false);
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
            said = LumaErrorBody.MessageOf(await response.Content.ReadAsStringAsync(ct).ConfigureAwait(false));
        }
        catch (Exception ex) when (ex is HttpRequestException or IOException)
        {
            // The body broke off: the status alone must do.
        }

        throw ProviderHttpFailures.ForStatus(response.StatusCode, said, LumaVideoProvider.Title, ApiKeySetting);
    }

    private static async Task<T> ReadAsync<T>(HttpResponseMessage response, JsonTypeInfo<T> type, CancellationToken ct)
    {
        try
        {
            return await response.Content.ReadFromJsonAsync(type, ct).ConfigureAwait(false)
                ?? throw new ProviderException(StoredText.Of("{0} answered with an empty body.", LumaVideoProvider.Title), isPermanent: false);
        }
        catch (Exception ex) when (ex is JsonException or NotSupportedException)
        {
            throw new ProviderException(StoredText.Of("{0} answered something Studio cannot read.", LumaVideoProvider.Title), isPermanent: false, ex);
        }
    }

    private Task<HttpResponseMessage> SendAsync(HttpRequestMessage message, CancellationToken ct) =>
        ProviderHttpFailures.SendAsync(http, message, HttpCompletionOption.ResponseContentRead, LumaVideoProvider.Title, ct);
}
