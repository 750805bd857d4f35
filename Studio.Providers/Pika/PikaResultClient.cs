using System.Net;
using Studio.Core.Providers;
using Studio.Providers.Http;

namespace Studio.Providers.Pika;

/// <summary>
/// Reads a completed request's result at fal's <c>response_url</c>, over the <c>pika-result</c> HttpClient (same base
/// address and key as <see cref="PikaApiClient"/>, same <c>Studio:Providers:Pika:Http</c> settings) whose pipeline does
/// not retry: fal answers a failed request's result with the model's own error status (422, 500) every time, so
/// retrying it only repeats the answer, and counting it against the API's circuit would stop every Pika call because
/// one generation failed. Its own circuit still trips if results keep failing.
/// </summary>
/// <param name="http">The named <c>pika-result</c> client.</param>
public sealed class PikaResultClient(HttpClient http)
{
    /// <summary>The HttpClient's (and its pipeline's) name.</summary>
    public const string ClientName = PikaVideoProvider.ProviderName + "-result";

    /// <summary>
    /// <c>GET {response_url}</c>: the output of a completed request, or the error its model answered with (500, 422 and
    /// other 4xx). Failures of the call itself (401, 403, 408, 429, 502, 503, 504, no answer) are thrown, transient
    /// unless the key was refused, so the request is asked about again rather than given up.
    /// </summary>
    public async Task<PikaResult> GetResultAsync(Uri responseUrl, CancellationToken ct)
    {
        using var message = new HttpRequestMessage(HttpMethod.Get, FalResponses.OnApiHost(http, responseUrl));
        using var response = await ProviderHttpFailures.SendAsync(http, message, HttpCompletionOption.ResponseContentRead, PikaVideoProvider.Title, ct)
            .ConfigureAwait(false);
        if (response.IsSuccessStatusCode)
        {
            var output = await FalResponses.ReadAsync(response, Wire.PikaJsonContext.Default.PikaOutput, ct).ConfigureAwait(false);
            return new PikaResult(response.StatusCode, output, null);
        }

        if (response.StatusCode is HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden or HttpStatusCode.RequestTimeout
            or HttpStatusCode.TooManyRequests or HttpStatusCode.BadGateway or HttpStatusCode.ServiceUnavailable or HttpStatusCode.GatewayTimeout)
        {
            await FalResponses.EnsureSuccessAsync(response, ct).ConfigureAwait(false);
        }

        return new PikaResult(response.StatusCode, null, await FalResponses.ErrorMessageAsync(response, ct).ConfigureAwait(false));
    }
}
