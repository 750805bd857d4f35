using System.Globalization;

namespace Studio.Providers.Http;

/// <summary>
/// Outermost handler of a provider's client: times each call (its retries included) and records its outcome on the
/// <see cref="ProviderHealthBoard"/>. Only the status code or the exception's kind is kept: no URL, header or body,
/// so nothing secret reaches the admin page.
/// </summary>
internal sealed class ProviderCallRecorder(ProviderHealthBoard board, string providerName, TimeProvider time) : DelegatingHandler
{
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var started = time.GetTimestamp();
        try
        {
            var response = await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
            var failed = (int)response.StatusCode is 408 or 429 or >= 500;
            board.Record(
                providerName,
                time.GetElapsedTime(started),
                failed ? string.Create(CultureInfo.InvariantCulture, $"HTTP {(int)response.StatusCode} on {request.Method}") : null);
            return response;
        }
        catch (Exception ex) when (!cancellationToken.IsCancellationRequested)
        {
            board.Record(providerName, time.GetElapsedTime(started), $"{ex.GetType().Name} on {request.Method}");
            throw;
        }
    }
}
