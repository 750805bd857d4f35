using System.Net;
using Polly;
using Polly.Timeout;

namespace Studio.Providers.Http;

/// <summary>
/// Which outcomes of a call to a hosted provider are tried again, and which count against its circuit breaker.
/// The rule (ADR 0006): a call that cannot start anything twice (GET, HEAD, OPTIONS, PUT, DELETE) is retried on any
/// transient outcome — a connection failure, a timeout, 408, 429, 500, 502, 503, 504. A POST (or PATCH) may have
/// started a paid generation, so it is retried only when the provider cannot have acted on it: the connection failed
/// before the request was sent, or the provider answered 429 (rate limited: refused, nothing started). A POST
/// answered 5xx or timed out is left to the orchestrator, which can look the submission up by its reference.
/// </summary>
public static class ProviderRetryRule
{
    /// <summary>Largest error body read to tell a spent quota from a passing rate limit.</summary>
    private const int MaxErrorBody = 64 * 1024;

    private static readonly string[] QuotaSpent = ["insufficient_quota", "quota_exceeded", "exhausted balance"];

    /// <summary>True for methods that change nothing more when repeated (RFC 9110 idempotent methods).</summary>
    public static bool IsRepeatable(HttpMethod? method) =>
        method is not null
        && (method == HttpMethod.Get || method == HttpMethod.Head || method == HttpMethod.Options
            || method == HttpMethod.Put || method == HttpMethod.Delete);

    /// <summary>True when a call made with <paramref name="method"/> that ended in <paramref name="outcome"/> should be tried again.</summary>
    public static bool ShouldRetry(HttpMethod? method, Outcome<HttpResponseMessage> outcome)
    {
        if (outcome.Exception is { } exception)
        {
            return NothingWasSent(exception)
                || (IsRepeatable(method) && exception is HttpRequestException or TimeoutRejectedException);
        }

        var status = outcome.Result?.StatusCode;
        return status == HttpStatusCode.TooManyRequests
            || (IsRepeatable(method) && status is HttpStatusCode.RequestTimeout or HttpStatusCode.InternalServerError
                or HttpStatusCode.BadGateway or HttpStatusCode.ServiceUnavailable or HttpStatusCode.GatewayTimeout);
    }

    /// <summary>
    /// True when the provider's answer says that trying again is pointless, whatever its status: the
    /// <c>x-should-retry: false</c> header (the Stainless SDKs' convention, sent by OpenAI, Luma and Runway), or a 429 whose
    /// body says the account's quota or balance is spent (<c>insufficient_quota</c>, <c>quota_exceeded</c>, fal's
    /// "Exhausted balance") — a limit that does not lift in seconds. Reads at most a small error body, buffered so the
    /// client can still read it.
    /// </summary>
    public static async ValueTask<bool> SaysDoNotRetryAsync(HttpResponseMessage? response, CancellationToken ct)
    {
        if (response is null)
        {
            return false;
        }

        if (response.Headers.TryGetValues("x-should-retry", out var values)
            && values.Any(v => string.Equals(v.Trim(), "false", StringComparison.OrdinalIgnoreCase)))
        {
            return true;
        }

        if (response.StatusCode != HttpStatusCode.TooManyRequests || response.Content.Headers.ContentLength is > MaxErrorBody)
        {
            return false;
        }

        try
        {
            await response.Content.LoadIntoBufferAsync(MaxErrorBody, ct).ConfigureAwait(false);
            var body = await response.Content.ReadAsStringAsync(ct).ConfigureAwait(false);
            return QuotaSpent.Any(marker => body.Contains(marker, StringComparison.OrdinalIgnoreCase));
        }
        catch (Exception ex) when (ex is HttpRequestException or IOException or InvalidOperationException)
        {
            return false;
        }
    }

    /// <summary>
    /// True when the outcome says the provider is failing: a connection failure, a timeout, 408 or any 5xx. Refusals
    /// (4xx, 429 included) say nothing about its health and never open the circuit.
    /// </summary>
    public static bool CountsAsFailure(Outcome<HttpResponseMessage> outcome)
    {
        if (outcome.Exception is { } exception)
        {
            return exception is HttpRequestException or TimeoutRejectedException;
        }

        var status = (int?)outcome.Result?.StatusCode;
        return status is >= 500 or (int)HttpStatusCode.RequestTimeout;
    }

    /// <summary>True when the request never left this machine: the name did not resolve, or no connection (or TLS session) was made.</summary>
    public static bool NothingWasSent(Exception exception) =>
        exception is HttpRequestException
        {
            HttpRequestError: HttpRequestError.NameResolutionError or HttpRequestError.ConnectionError
                or HttpRequestError.SecureConnectionError or HttpRequestError.ProxyTunnelError,
        };
}
