using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Http.Resilience;
using Polly;

namespace Studio.Providers.Http;

/// <summary>The resilience every hosted script or voice client shares: a few retries of transient failures, honouring Retry-After.</summary>
internal static class HostedHttp
{
    /// <summary>
    /// Adds the standard resilience handler tuned for slow generative calls: attempts may take <paramref name="attemptTimeout"/>,
    /// 429/5xx/timeouts are retried <paramref name="retries"/> times (Retry-After honoured, else exponential from
    /// <paramref name="retryDelay"/>), except a 429 whose body says the quota is spent — retrying that only wastes time.
    /// </summary>
    public static IHttpClientBuilder AddHostedResilience(this IHttpClientBuilder builder, TimeSpan attemptTimeout, TimeSpan retryDelay, int retries)
    {
        builder.AddStandardResilienceHandler(options =>
        {
            options.AttemptTimeout.Timeout = attemptTimeout;
            options.TotalRequestTimeout.Timeout = (attemptTimeout * (retries + 1)) + TimeSpan.FromMinutes(1);
            options.CircuitBreaker.SamplingDuration = (attemptTimeout * 2) + TimeSpan.FromSeconds(1);

            // The default needs 100 calls before it can open: a voice or script service is called a few times a job.
            options.CircuitBreaker.MinimumThroughput = 5;
            options.Retry.MaxRetryAttempts = Math.Max(1, retries);
            options.Retry.Delay = retryDelay;
            options.Retry.BackoffType = DelayBackoffType.Exponential;
            options.Retry.UseJitter = false;
            options.Retry.ShouldHandle = async args =>
            {
                if (args.Outcome.Exception is not null)
                {
                    return args.Outcome.Exception is HttpRequestException or Polly.Timeout.TimeoutRejectedException;
                }

                var response = args.Outcome.Result!;
                if (response.StatusCode == HttpStatusCode.TooManyRequests)
                {
                    await response.Content.LoadIntoBufferAsync(args.Context.CancellationToken).ConfigureAwait(false);
                    var body = await response.Content.ReadAsStringAsync(args.Context.CancellationToken).ConfigureAwait(false);
                    return !body.Contains("insufficient_quota", StringComparison.Ordinal) && !body.Contains("quota_exceeded", StringComparison.Ordinal);
                }

                return response.StatusCode is HttpStatusCode.RequestTimeout or >= HttpStatusCode.InternalServerError;
            };
        });
        return builder;
    }
}
