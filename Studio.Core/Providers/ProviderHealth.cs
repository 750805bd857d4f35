namespace Studio.Core.Providers;

/// <summary>How a provider's HTTP calls have been going lately (for the admin page).</summary>
/// <param name="Provider">Its name.</param>
/// <param name="Circuit">"closed" (calls go through), "open" (refused for a while), "half-open" (one call tests it), or "none" (no HTTP: local).</param>
/// <param name="RecentCalls">Calls in the recent window.</param>
/// <param name="RecentErrorRate">Share of them that failed (0 to 1).</param>
/// <param name="AverageLatency">Mean time of the recent successful calls; null when none.</param>
/// <param name="LastError">The last failure, in words; null when none.</param>
/// <param name="LastErrorAt">When it happened.</param>
public sealed record ProviderHealth(
    string Provider,
    string Circuit,
    int RecentCalls,
    double RecentErrorRate,
    TimeSpan? AverageLatency,
    string? LastError,
    DateTimeOffset? LastErrorAt);

/// <summary>Reads how providers' calls have been going.</summary>
public interface IProviderHealth
{
    /// <summary>The health of <paramref name="provider"/>; a provider that made no HTTP call reads "none" with no calls.</summary>
    ProviderHealth Read(string provider);
}
