using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using Studio.Core.Common;
using Studio.Core.Providers;
using Studio.Providers.Http;
using Studio.Providers.Veo.Wire;

namespace Studio.Providers.Veo;

/// <summary>
/// The Gemini API's Veo routes as a typed client, over the <c>veo</c> HttpClient and its resilience pipeline (the key
/// in the <c>x-goog-api-key</c> header, set at registration; never in the URL, which gets logged). Failures come out
/// as <see cref="ProviderException"/>s with Google's own words; an unknown operation comes out as null.
/// </summary>
/// <param name="http">The named <c>veo</c> client.</param>
public sealed partial class VeoApiClient(HttpClient http)
{
    /// <summary><c>POST models/{model}:predictLongRunning</c>: starts a generation and returns its operation name.</summary>
    public async Task<string> PredictLongRunningAsync(string model, VeoPredictRequest request, CancellationToken ct)
    {
        using var message = new HttpRequestMessage(HttpMethod.Post, $"models/{Uri.EscapeDataString(model)}:predictLongRunning")
        {
            Content = JsonContent.Create(request, VeoJsonContext.Default.VeoPredictRequest),
        };
        using var response = await SendAsync(message, ct).ConfigureAwait(false);
        if (!response.IsSuccessStatusCode)
        {
            throw await VeoErrors.ForAsync(response, ct).ConfigureAwait(false);
        }

        var operation = await ReadAsync(response, ct).ConfigureAwait(false);
        return string.IsNullOrWhiteSpace(operation.Name) || !IsOperationName(operation.Name)
            ? throw new ProviderException(StoredText.Of("{0} accepted the generation but sent no usable operation name.", VeoVideoProvider.Title), isPermanent: false)
            : operation.Name;
    }

    /// <summary><c>GET {name}</c> (relative to the base address); null when Google does not know the operation.</summary>
    public async Task<VeoOperation?> GetOperationAsync(string name, CancellationToken ct)
    {
        if (!IsOperationName(name))
        {
            throw new ProviderException(StoredText.Of("'{0}' is not a {1} operation name.", name, VeoVideoProvider.Title), isPermanent: true);
        }

        using var message = new HttpRequestMessage(HttpMethod.Get, name);
        using var response = await SendAsync(message, ct).ConfigureAwait(false);
        if (response.StatusCode == HttpStatusCode.NotFound)
        {
            return null;
        }

        if (!response.IsSuccessStatusCode)
        {
            throw await VeoErrors.ForAsync(response, ct).ConfigureAwait(false);
        }

        return await ReadAsync(response, ct).ConfigureAwait(false);
    }

    /// <summary>
    /// True for a relative resource path such as <c>models/veo-3.1-generate-preview/operations/abc123</c>: the id is
    /// appended to the API's address, so it must not be able to point anywhere else.
    /// </summary>
    internal static bool IsOperationName(string name) => OperationName().IsMatch(name) && !name.Contains("..", StringComparison.Ordinal);

    private static async Task<VeoOperation> ReadAsync(HttpResponseMessage response, CancellationToken ct)
    {
        try
        {
            return await response.Content.ReadFromJsonAsync(VeoJsonContext.Default.VeoOperation, ct).ConfigureAwait(false)
                ?? throw new ProviderException(StoredText.Of("{0} answered with an empty body.", VeoVideoProvider.Title), isPermanent: false);
        }
        catch (Exception ex) when (ex is JsonException or NotSupportedException)
        {
            throw new ProviderException(StoredText.Of("{0} answered something Studio cannot read.", VeoVideoProvider.Title), isPermanent: false, ex);
        }
    }

    [GeneratedRegex("^[A-Za-z0-9][A-Za-z0-9._-]*(/[A-Za-z0-9._-]+)+$")]
    private static partial Regex OperationName();

    private Task<HttpResponseMessage> SendAsync(HttpRequestMessage message, CancellationToken ct) =>
        ProviderHttpFailures.SendAsync(http, message, HttpCompletionOption.ResponseContentRead, VeoVideoProvider.Title, ct);
}
