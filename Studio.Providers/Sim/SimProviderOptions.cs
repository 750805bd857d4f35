using System.ComponentModel.DataAnnotations;
using Studio.Providers.Http;

namespace Studio.Providers.Sim;

/// <summary>
/// Settings of the <c>sim</c> provider and of its simulator server, under <c>Studio:Providers:Sim</c>. The HTTP
/// pipeline of its client is tuned under <c>Studio:Providers:Sim:Http</c> (<see cref="ProviderHttpOptions"/>).
/// Faults are drawn from one random sequence seeded by <see cref="Seed"/>, so a run is repeatable.
/// </summary>
public sealed class SimProviderOptions
{
    /// <summary>Configuration section.</summary>
    public const string Section = "Studio:Providers:Sim";

    /// <summary>Configuration section of the client's HTTP pipeline.</summary>
    public const string HttpSection = Section + ":" + ProviderHttpOptions.SubSection;

    /// <summary>Whether the <c>sim</c> provider is offered at all. Default true.</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>
    /// Address of a simulator server to talk to (e.g. one shared by several test hosts). Empty (the default): the app
    /// starts its own on a free loopback port.
    /// </summary>
    public string BaseUrl { get; set; } = string.Empty;

    /// <summary>
    /// When set, the app's own simulator demands it as a bearer token and the client sends it (so a wrong key can be
    /// tried). Default empty: no key.
    /// </summary>
    public string ApiKey { get; set; } = string.Empty;

    /// <summary>Delay before each answer, in milliseconds. Default 0.</summary>
    [Range(0, 60_000)]
    public int LatencyMs { get; set; }

    /// <summary>Share of requests (0 to 1) answered with a transient fault from <see cref="TransientFaults"/>. Default 0.</summary>
    [Range(0.0, 1.0)]
    public double TransientFailureRate { get; set; }

    /// <summary>The faults drawn from, equally likely; empty (the default) means all of <see cref="SimFault"/>.</summary>
    public IList<SimFault> TransientFaults { get; } = [];

    /// <summary>
    /// Share of submissions (0 to 1) refused with 400 <c>content_policy</c>. Default 0. A prompt containing
    /// <c>[refuse]</c> is always refused.
    /// </summary>
    [Range(0.0, 1.0)]
    public double PermanentFailureRate { get; set; }

    /// <summary>Share of accepted generations (0 to 1) that end as failed (transient, <c>internal_error</c>). Default 0.</summary>
    [Range(0.0, 1.0)]
    public double AsyncFailureRate { get; set; }

    /// <summary>Status polls a generation answers before it has succeeded: queued first, then running. Default 2.</summary>
    [Range(0, 1000)]
    public int PollsBeforeDone { get; set; } = 2;

    /// <summary>The <c>Retry-After</c> a rate-limited answer names, in seconds. Default 1.</summary>
    [Range(0, 3600)]
    public int RetryAfterSeconds { get; set; } = 1;

    /// <summary>
    /// How long a request answered with <see cref="SimFault.Timeout"/> is held; make it longer than the client's
    /// <see cref="ProviderHttpOptions.AttemptTimeout"/>. Default 2 minutes.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:01", "01:00:00")]
    public TimeSpan TimeoutFaultHold { get; set; } = TimeSpan.FromMinutes(2);

    /// <summary>Seed of the fault sequence. Default 1.</summary>
    public int Seed { get; set; } = 1;

    /// <summary>
    /// Serve flat-colour clips (a few KB a second) instead of the moving test pattern (about 1 MB a second, like a real
    /// vendor's). Default false; the orchestration bench sets it to time the queue rather than the copying of bytes.
    /// </summary>
    public bool PlainClips { get; set; }

    /// <summary>What a second of clip costs, in USD, so cost accounting shows. Default 0.01.</summary>
    [Range(typeof(decimal), "0", "100")]
    public decimal PricePerSecondUsd { get; set; } = 0.01m;
}
