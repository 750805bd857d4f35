using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Studio.Core.Providers;
using Studio.Providers.Http;
using Studio.Providers.Veo.Wire;

namespace Studio.Providers.Veo;

/// <summary>Reads Google's error answers (<c>{"error": {"code", "message", "status", "details"}}</c>) into provider exceptions.</summary>
internal static class VeoErrors
{
    private const string ApiKeySetting = VeoOptions.Section + ":ApiKey";

    /// <summary>
    /// The exception for a failed answer of the Gemini API, with Google's message and status name. Google answers a
    /// wrong key with 400 INVALID_ARGUMENT and the reason <c>API_KEY_INVALID</c>: that is read as a refused key (401),
    /// so the message names the setting to fix.
    /// </summary>
    public static async Task<ProviderException> ForAsync(HttpResponseMessage response, CancellationToken ct)
    {
        VeoStatus? error = null;
        try
        {
            error = (await response.Content.ReadFromJsonAsync(VeoJsonContext.Default.VeoErrorResponse, ct).ConfigureAwait(false))?.Error;
        }
        catch (Exception ex) when (ex is JsonException or NotSupportedException or HttpRequestException or IOException)
        {
            // Not Google's error shape (a proxy's page, a cut connection): the status alone must do.
        }

        var status = error?.Details?.Any(d => d.Reason == "API_KEY_INVALID") == true ? HttpStatusCode.Unauthorized : response.StatusCode;
        return ProviderHttpFailures.ForStatus(status, Describe(error), VeoVideoProvider.Title, ApiKeySetting);
    }

    /// <summary>"message (STATUS)", or whichever of them there is; null when neither.</summary>
    public static string? Describe(VeoStatus? error)
    {
        var message = error?.Message?.Trim();
        var status = error?.Status?.Trim();
        return (string.IsNullOrEmpty(message), string.IsNullOrEmpty(status)) switch
        {
            (false, false) => $"{message} ({status})",
            (false, true) => message,
            (true, false) => status,
            _ => null,
        };
    }
}
