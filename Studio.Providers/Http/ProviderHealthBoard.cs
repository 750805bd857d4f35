using System.Collections.Concurrent;
using Studio.Core.Providers;

namespace Studio.Providers.Http;

/// <summary>
/// Keeps, per provider, its circuit state and its last calls (outcome and time, a bounded window): what the admin page
/// shows as provider health. Fed by the provider pipeline's circuit breaker and by <see cref="ProviderCallRecorder"/>.
/// </summary>
public sealed class ProviderHealthBoard(TimeProvider time) : IProviderHealth
{
    /// <summary>Calls kept per provider.</summary>
    public const int Window = 50;

    private readonly ConcurrentDictionary<string, Entry> _entries = new(StringComparer.OrdinalIgnoreCase);

    /// <inheritdoc />
    public ProviderHealth Read(string provider)
    {
        if (!_entries.TryGetValue(provider, out var entry))
        {
            return new ProviderHealth(provider, "none", 0, 0, null, null, null);
        }

        lock (entry)
        {
            var calls = entry.Calls.ToList();
            var ok = calls.Where(c => c.Ok).ToList();
            return new ProviderHealth(
                provider,
                entry.Circuit,
                calls.Count,
                calls.Count == 0 ? 0 : (double)calls.Count(c => !c.Ok) / calls.Count,
                ok.Count == 0 ? null : TimeSpan.FromTicks((long)ok.Average(c => c.Duration.Ticks)),
                entry.LastError,
                entry.LastErrorAt);
        }
    }

    /// <summary>The circuit of <paramref name="provider"/> changed state ("open", "half-open", "closed").</summary>
    public void CircuitChanged(string provider, string state)
    {
        var entry = For(provider);
        lock (entry)
        {
            entry.Circuit = state;
        }
    }

    /// <summary>One call ended: <paramref name="error"/> null for a success.</summary>
    public void Record(string provider, TimeSpan duration, string? error)
    {
        var entry = For(provider);
        lock (entry)
        {
            entry.Calls.Enqueue(new Call(error is null, duration));
            while (entry.Calls.Count > Window)
            {
                entry.Calls.Dequeue();
            }

            if (error is not null)
            {
                entry.LastError = error;
                entry.LastErrorAt = time.GetUtcNow();
            }
        }
    }

    private Entry For(string provider) => _entries.GetOrAdd(provider, _ => new Entry());

    private sealed record Call(bool Ok, TimeSpan Duration);

    private sealed class Entry
    {
        public Queue<Call> Calls { get; } = new();

        public string Circuit { get; set; } = "closed";

        public string? LastError { get; set; }

        public DateTimeOffset? LastErrorAt { get; set; }
    }
}
