using Microsoft.Extensions.Http.Resilience;
using Microsoft.Extensions.Logging;
using Polly;
using Polly.CircuitBreaker;
using Polly.Retry;
using Polly.Timeout;

namespace Studio.Providers.Http;

/// <summary>
/// Builds the pipeline every hosted provider's HTTP calls run through, outermost first: total timeout → retry
/// (<see cref="ProviderRetryRule"/>, honouring <c>Retry-After</c>) → circuit breaker (this provider's own) →
/// per-attempt timeout.
/// </summary>
internal static class ProviderResiliencePipeline
{
    public static void Configure(
        ResiliencePipelineBuilder<HttpResponseMessage> pipeline,
        string providerName,
        ProviderHttpOptions options,
        TimeProvider time,
        ILogger logger,
        ProviderHealthBoard? board = null)
    {
        pipeline.AddTimeout(new TimeoutStrategyOptions { Name = "total", Timeout = options.TotalTimeout });
        if (options.MaxRetryAttempts > 0)
        {
            pipeline.AddRetry(new RetryStrategyOptions<HttpResponseMessage>
            {
                Name = "retry",
                MaxRetryAttempts = options.MaxRetryAttempts,
                BackoffType = DelayBackoffType.Exponential,
                UseJitter = true,
                Delay = options.RetryBaseDelay,
                MaxDelay = options.MaxRetryDelay,
                ShouldHandle = async args =>
                    ProviderRetryRule.ShouldRetry(MethodOf(args.Context, args.Outcome), args.Outcome)
                    && !await ProviderRetryRule.SaysDoNotRetryAsync(args.Outcome.Result, args.Context.CancellationToken).ConfigureAwait(false),
                DelayGenerator = args => ValueTask.FromResult(
                    args.Outcome.Result is { } response ? RetryAfter.Read(response, time.GetUtcNow(), options.MaxRetryAfter) : null),
                OnRetry = args =>
                {
                    ProviderHttpLog.Retrying(
                        logger,
                        providerName,
                        MethodOf(args.Context, args.Outcome)?.Method ?? "?",
                        args.AttemptNumber + 1,
                        Describe(args.Outcome),
                        args.RetryDelay);
                    return ValueTask.CompletedTask;
                },
            });
        }

        pipeline.AddCircuitBreaker(new CircuitBreakerStrategyOptions<HttpResponseMessage>
        {
            Name = "circuit",
            FailureRatio = options.CircuitFailureRatio,
            MinimumThroughput = options.CircuitMinimumThroughput,
            SamplingDuration = options.CircuitSamplingDuration,
            BreakDuration = options.CircuitBreakDuration,
            ShouldHandle = args => ValueTask.FromResult(ProviderRetryRule.CountsAsFailure(args.Outcome)),
            OnOpened = args =>
            {
                ProviderHttpLog.CircuitOpened(logger, providerName, args.BreakDuration);
                board?.CircuitChanged(providerName, "open");
                return ValueTask.CompletedTask;
            },
            OnHalfOpened = _ =>
            {
                ProviderHttpLog.CircuitHalfOpened(logger, providerName);
                board?.CircuitChanged(providerName, "half-open");
                return ValueTask.CompletedTask;
            },
            OnClosed = _ =>
            {
                ProviderHttpLog.CircuitClosed(logger, providerName);
                board?.CircuitChanged(providerName, "closed");
                return ValueTask.CompletedTask;
            },
        });
        pipeline.AddTimeout(new TimeoutStrategyOptions { Name = "attempt", Timeout = options.AttemptTimeout });
    }

    private static HttpMethod? MethodOf(ResilienceContext context, Outcome<HttpResponseMessage> outcome) =>
        context.GetRequestMessage()?.Method ?? outcome.Result?.RequestMessage?.Method;

    private static string Describe(Outcome<HttpResponseMessage> outcome) =>
        outcome.Exception?.GetType().Name ?? $"HTTP {(int?)outcome.Result?.StatusCode}";
}
