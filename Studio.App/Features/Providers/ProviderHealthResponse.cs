using Studio.Core.Providers;

namespace Studio.App.Features.Providers;

/// <summary>A provider's health, for admins.</summary>
/// <param name="Name">Its name.</param>
/// <param name="DisplayName">Its name for users.</param>
/// <param name="Configured">Whether it can be used (a hosted provider: its API key is set). The key itself is never sent.</param>
/// <param name="Notice">A remark (e.g. legacy), or null.</param>
/// <param name="Circuit">closed, open, half-open, or none (no HTTP calls yet / local).</param>
/// <param name="RecentCalls">HTTP calls in the recent window.</param>
/// <param name="RecentErrorRate">Share of them that failed.</param>
/// <param name="AverageLatencyMs">Mean time of the recent successful calls, or null.</param>
/// <param name="LastError">The last failure (status or error kind), or null.</param>
/// <param name="LastErrorAt">When.</param>
/// <param name="AverageGenerationSeconds">Mean time from submission to stored clip over its recent clips, or null.</param>
public sealed record ProviderHealthResponse(
    string Name,
    string DisplayName,
    bool Configured,
    string? Notice,
    string Circuit,
    int RecentCalls,
    double RecentErrorRate,
    double? AverageLatencyMs,
    string? LastError,
    DateTimeOffset? LastErrorAt,
    double? AverageGenerationSeconds)
{
    /// <summary>Combines what the provider says, its HTTP health and its recent generation time.</summary>
    public static ProviderHealthResponse From(IVideoProvider provider, ProviderHealth health, double? averageGenerationSeconds)
    {
        ArgumentNullException.ThrowIfNull(provider);
        ArgumentNullException.ThrowIfNull(health);
        return new(
            provider.Name,
            provider.DisplayName,
            provider.IsConfigured,
            provider.Notice,
            health.Circuit,
            health.RecentCalls,
            Math.Round(health.RecentErrorRate, 4),
            health.AverageLatency is { } latency ? Math.Round(latency.TotalMilliseconds, 1) : null,
            health.LastError,
            health.LastErrorAt,
            averageGenerationSeconds is { } seconds ? Math.Round(seconds, 1) : null);
    }
}
