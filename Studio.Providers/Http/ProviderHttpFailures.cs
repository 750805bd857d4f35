using System.Globalization;
using System.Net;
using Polly.CircuitBreaker;
using Polly.Timeout;
using Studio.Core.Common;
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
                StoredText.Of("{0} is unavailable: too many recent calls failed, so Studio stopped calling it for a while.", providerDisplayName), ex);
        }
        catch (TimeoutRejectedException ex)
        {
            throw new ProviderException(StoredText.Of("{0} did not answer in time.", providerDisplayName), isPermanent: false, ex);
        }
        catch (HttpRequestException ex)
        {
            // Refused at connect: the request never reached the provider.
            throw new ProviderException(StoredText.Of("{0} could not be reached: {1}", providerDisplayName, ex.Message), isPermanent: false, ex)
            {
                NothingStarted = ex.HttpRequestError == HttpRequestError.ConnectionError,
            };
        }
        catch (OperationCanceledException ex) when (!ct.IsCancellationRequested)
        {
            throw new ProviderException(StoredText.Of("{0} did not answer in time.", providerDisplayName), isPermanent: false, ex);
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
        var silent = string.IsNullOrWhiteSpace(providerMessage);

        // The provider's own words (after the colon) stay as written; the sentence around them is ours.
        return (int)status switch
        {
            401 or 403 => new ProviderException(
                silent
                    ? StoredText.Of("{0} refused Studio's credentials (HTTP {1}). Check the API key ({2}).", providerDisplayName, code, apiKeySetting)
                    : StoredText.Of("{0} refused Studio's credentials (HTTP {1}): {2}. Check the API key ({3}).", providerDisplayName, code, providerMessage, apiKeySetting),
                isPermanent: true),
            // 429 and 503 are refusals (over a limit, overloaded): nothing was started. 408, 500, 502, 504 leave it unknown.
            429 or 503 => new ProviderException(
                silent
                    ? StoredText.Of("{0} is busy (HTTP {1}).", providerDisplayName, code)
                    : StoredText.Of("{0} is busy (HTTP {1}): {2}.", providerDisplayName, code, providerMessage),
                isPermanent: false) { NothingStarted = true },
            408 or >= 500 => new ProviderException(
                silent
                    ? StoredText.Of("{0} is busy or failing (HTTP {1}).", providerDisplayName, code)
                    : StoredText.Of("{0} is busy or failing (HTTP {1}): {2}.", providerDisplayName, code, providerMessage),
                isPermanent: false),
            _ => silent
                ? new ProviderException(StoredText.Of("{0} refused the request (HTTP {1}).", providerDisplayName, code), isPermanent: true)
                : new ProviderException(providerMessage!, isPermanent: true),
        };
    }
}
