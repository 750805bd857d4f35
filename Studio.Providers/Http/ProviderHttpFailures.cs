using System.Globalization;
using System.Net;
using Polly.CircuitBreaker;
using Polly.Timeout;
using Studio.Core.Providers;

namespace Studio.Providers.Http;

/// <summary>
/// Turns how a call to a hosted provider ended into Studio's provider exceptions, the same way for every provider:
/// an open circuit is <see cref="ProviderUnavailableException"/> (fall back now); timeouts, lost connections, 408,
/// 429 and 5xx are transient; 401/403 are permanent (the key is wrong); any other 4xx is permanent, with the
/// provider's own words.
/// </summary>
public static class ProviderHttpFailures
{
    /// <summary>Sends <paramref name="request"/>; transport failures and an open circuit come out as provider exceptions.</summary>
    /// <param name="client">The provider's client.</param>
    /// <param name="request">The request.</param>
    /// <param name="completion">When the call is complete (headers only for downloads).</param>
    /// <param name="providerDisplayName">The provider's name as users read it.</param>
    /// <param name="ct">Cancels the call; cancellation is never turned into a provider exception.</param>
    public static async Task<HttpResponseMessage> SendAsync(
        HttpClient client,
        HttpRequestMessage request,
        HttpCompletionOption completion,
        string providerDisplayName,
        CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(client);
        try
        {
            return await client.SendAsync(request, completion, ct).ConfigureAwait(false);
        }
        catch (BrokenCircuitException ex)
        {
            throw new ProviderUnavailableException(
                $"{providerDisplayName} is unavailable: too many recent calls failed, so Studio stopped calling it for a while.", ex);
        }
        catch (TimeoutRejectedException ex)
        {
            throw new ProviderException($"{providerDisplayName} did not answer in time.", isPermanent: false, ex);
        }
        catch (HttpRequestException ex)
        {
            // Refused at connect: the request never reached the provider.
            throw new ProviderException($"{providerDisplayName} could not be reached: {ex.Message}", isPermanent: false, ex)
            {
                NothingStarted = ex.HttpRequestError == HttpRequestError.ConnectionError,
            };
        }
        catch (OperationCanceledException ex) when (!ct.IsCancellationRequested)
        {
            throw new ProviderException($"{providerDisplayName} did not answer in time.", isPermanent: false, ex);
        }
    }

    /// <summary>The exception for an answer that is not a success.</summary>
    /// <param name="status">The HTTP status.</param>
    /// <param name="providerMessage">What the provider said, if it said anything readable.</param>
    /// <param name="providerDisplayName">The provider's name as users read it.</param>
    /// <param name="apiKeySetting">The configuration key of the provider's API key, named when the key is refused.</param>
    public static ProviderException ForStatus(HttpStatusCode status, string? providerMessage, string providerDisplayName, string apiKeySetting)
    {
        var code = ((int)status).ToString(CultureInfo.InvariantCulture);
        var said = string.IsNullOrWhiteSpace(providerMessage) ? string.Empty : $": {providerMessage}";
        return (int)status switch
        {
            401 or 403 => new ProviderException(
                $"{providerDisplayName} refused Studio's credentials (HTTP {code}){said}. Check the API key ({apiKeySetting}).",
                isPermanent: true),
            // 429 and 503 are refusals (over a limit, overloaded): nothing was started. 408, 500, 502, 504 leave it unknown.
            429 or 503 => new ProviderException($"{providerDisplayName} is busy (HTTP {code}){said}.", isPermanent: false) { NothingStarted = true },
            408 or >= 500 => new ProviderException($"{providerDisplayName} is busy or failing (HTTP {code}){said}.", isPermanent: false),
            _ => new ProviderException(
                string.IsNullOrWhiteSpace(providerMessage) ? $"{providerDisplayName} refused the request (HTTP {code})." : providerMessage,
                isPermanent: true),
        };
    }
}
