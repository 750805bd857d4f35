using System.ComponentModel.DataAnnotations;

namespace Studio.Providers.Http;

/// <summary>
/// How Studio calls one hosted provider over HTTP: timeouts, retries and its circuit breaker. Bound per provider from
/// the <c>Http</c> sub-section of the provider's own section (e.g. <c>Studio:Providers:Sim:Http</c>) as named options
/// (the name is the provider's name), and validated at start. See ADR 0006 for the rules these tune.
/// </summary>
public sealed class ProviderHttpOptions
{
    /// <summary>The sub-section, under a provider's section, these options are bound from.</summary>
    public const string SubSection = "Http";

    /// <summary>Longest one HTTP attempt may take, up to the response headers. Default 30 s.</summary>
    [Range(typeof(TimeSpan), "00:00:00.010", "01:00:00", ParseLimitsInInvariantCulture = true, ConvertValueInInvariantCulture = true)]
    public TimeSpan AttemptTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Longest one call may take, all attempts and waits between them included. Default 2 minutes.</summary>
    [Range(typeof(TimeSpan), "00:00:00.010", "1.00:00:00", ParseLimitsInInvariantCulture = true, ConvertValueInInvariantCulture = true)]
    public TimeSpan TotalTimeout { get; set; } = TimeSpan.FromMinutes(2);

    /// <summary>Retries after the first attempt of a call that may be repeated (0 turns retries off). Default 3.</summary>
    [Range(0, 10)]
    public int MaxRetryAttempts { get; set; } = 3;

    /// <summary>First wait of the exponential backoff (with jitter) when the provider names none. Default 1 s.</summary>
    [Range(typeof(TimeSpan), "00:00:00", "00:01:00", ParseLimitsInInvariantCulture = true, ConvertValueInInvariantCulture = true)]
    public TimeSpan RetryBaseDelay { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>Longest wait the backoff grows to. Default 30 s.</summary>
    [Range(typeof(TimeSpan), "00:00:00", "00:10:00", ParseLimitsInInvariantCulture = true, ConvertValueInInvariantCulture = true)]
    public TimeSpan MaxRetryDelay { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>
    /// Longest wait a <c>Retry-After</c> or <c>retry-after-ms</c> header is honoured for; a longer one is cut to this.
    /// Default 60 s.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:00", "00:10:00", ParseLimitsInInvariantCulture = true, ConvertValueInInvariantCulture = true)]
    public TimeSpan MaxRetryAfter { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>Share of failed attempts within <see cref="CircuitSamplingDuration"/> that opens the circuit. Default 0.5.</summary>
    [Range(0.01, 1.0)]
    public double CircuitFailureRatio { get; set; } = 0.5;

    /// <summary>
    /// Attempts needed within <see cref="CircuitSamplingDuration"/> before the circuit may open. Default 5: video
    /// providers see few calls a minute, and Polly's default of 100 would never trip.
    /// </summary>
    [Range(2, 1000)]
    public int CircuitMinimumThroughput { get; set; } = 5;

    /// <summary>Window over which failures are counted. Default 30 s.</summary>
    [Range(typeof(TimeSpan), "00:00:00.500", "01:00:00", ParseLimitsInInvariantCulture = true, ConvertValueInInvariantCulture = true)]
    public TimeSpan CircuitSamplingDuration { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>How long an open circuit refuses calls before it lets one through to test the provider. Default 15 s.</summary>
    [Range(typeof(TimeSpan), "00:00:00.500", "01:00:00", ParseLimitsInInvariantCulture = true, ConvertValueInInvariantCulture = true)]
    public TimeSpan CircuitBreakDuration { get; set; } = TimeSpan.FromSeconds(15);
}
