using System.ComponentModel.DataAnnotations;

namespace Studio.Core.Orchestration;

/// <summary>How the generation workers behave, under <c>Studio:Workers</c>.</summary>
public sealed class WorkerOptions
{
    /// <summary>Configuration section.</summary>
    public const string Section = "Studio:Workers";

    /// <summary>Steps (a submission, a status poll, a download) worked on at once by this process, over all jobs. Default 8.</summary>
    [Range(1, 256)]
    public int MaxConcurrentSteps { get; set; } = 8;

    /// <summary>Final cuts assembled at once by this process (FFmpeg is CPU-bound). Default 1.</summary>
    [Range(1, 16)]
    public int MaxConcurrentAssemblies { get; set; } = 1;

    /// <summary>
    /// Whether this process assembles final cuts. Default true; false makes it a segment-only worker (another process
    /// assembles), as the orchestration bench does to time the queue alone.
    /// </summary>
    public bool Assemble { get; set; } = true;

    /// <summary>Generations in flight at one provider, over all jobs and workers, unless <see cref="ProviderLimits"/> says otherwise. Default 4.</summary>
    [Range(1, 1000)]
    public int DefaultProviderLimit { get; set; } = 4;

    /// <summary>Generations in flight per provider name (e.g. <c>"local": 2</c>); the provider's concurrency allowance.</summary>
    public Dictionary<string, int> ProviderLimits { get; init; } = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>
    /// Fallback chains by provider name (e.g. <c>"luma": ["runway", "local"]</c>): who takes a segment over, in order, when a
    /// job that allows fallback names no fallback of its own.
    /// </summary>
    public Dictionary<string, string[]> FallbackChains { get; init; } = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>How long a worker's claim on a step holds without renewal. Default 60 s; renewed every third of it.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "01:00:00")]
    public TimeSpan Lease { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>The longest an idle worker waits before looking for work when no signal wakes it. Default 2 s.</summary>
    [Range(typeof(TimeSpan), "00:00:00.010", "00:10:00")]
    public TimeSpan IdlePoll { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>First wait between two status polls of a provider job; doubles up to <see cref="MaxStatusPoll"/>. Default 250 ms.</summary>
    [Range(typeof(TimeSpan), "00:00:00", "00:10:00")]
    public TimeSpan StatusPoll { get; set; } = TimeSpan.FromMilliseconds(250);

    /// <summary>Longest wait between two status polls. Default 10 s.</summary>
    [Range(typeof(TimeSpan), "00:00:00", "00:10:00")]
    public TimeSpan MaxStatusPoll { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>First wait before a failed attempt is tried again; grows fourfold per attempt up to <see cref="MaxStatusPoll"/>. Default 1 s.</summary>
    [Range(typeof(TimeSpan), "00:00:00", "00:10:00")]
    public TimeSpan RetryDelay { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>Attempts of a segment at one provider before the next provider of the chain takes over, or the segment fails. Default 3.</summary>
    [Range(1, 20)]
    public int MaxAttemptsPerSegment { get; set; } = 3;

    /// <summary>
    /// Generations in flight allowed at <paramref name="provider"/>: <see cref="ProviderLimits"/> when set there, else the
    /// provider's own configured concurrency (<paramref name="providerMaxConcurrency"/>), else <see cref="DefaultProviderLimit"/>.
    /// </summary>
    public int LimitFor(string provider, int? providerMaxConcurrency = null) =>
        ProviderLimits.TryGetValue(provider, out var limit) && limit > 0 ? limit
        : providerMaxConcurrency is > 0 ? providerMaxConcurrency.Value
        : DefaultProviderLimit;
}
