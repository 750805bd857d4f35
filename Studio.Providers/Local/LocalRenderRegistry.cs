using System.Collections.Concurrent;
using Microsoft.Extensions.Options;

namespace Studio.Providers.Local;

/// <summary>
/// The local provider's renders in this process, by provider job id (a thread-safe singleton). It also holds the
/// render slots: at most <see cref="LocalProviderOptions.MaxParallelRenders"/> FFmpeg runs at a time. Nothing survives
/// a restart; a job id the registry does not know is reported as an interrupted render.
/// </summary>
public sealed class LocalRenderRegistry : IDisposable
{
    private readonly ConcurrentDictionary<string, LocalRender> _renders = new(StringComparer.Ordinal);
    private readonly SemaphoreSlim _slots;

    /// <summary>Creates an empty registry with the configured number of render slots.</summary>
    public LocalRenderRegistry(IOptions<LocalProviderOptions> options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var slots = Math.Max(1, options.Value.MaxParallelRenders);
        _slots = new SemaphoreSlim(slots, slots);
    }

    /// <summary>How many renders are known (running, queued or finished and not yet collected).</summary>
    public int Count => _renders.Count;

    /// <summary>Stops every render still going (the host is shutting down).</summary>
    public void Dispose()
    {
        foreach (var render in _renders.Values)
        {
            render.Cancel();
        }

        _renders.Clear();
    }

    internal void Add(LocalRender render)
    {
        if (!_renders.TryAdd(render.Id, render))
        {
            throw new InvalidOperationException($"A local render with id {render.Id} already exists.");
        }
    }

    internal LocalRender? Find(string id) => _renders.GetValueOrDefault(id);

    internal bool Contains(string id) => _renders.ContainsKey(id);

    internal LocalRender? Remove(string id) => _renders.TryRemove(id, out var render) ? render : null;

    /// <summary>Takes out every render that ended before <paramref name="cutoff"/>.</summary>
    internal List<LocalRender> RemoveEndedBefore(DateTimeOffset cutoff)
    {
        var removed = new List<LocalRender>();
        foreach (var (id, render) in _renders)
        {
            if (render.FinishedAt < cutoff && _renders.TryRemove(id, out var taken))
            {
                removed.Add(taken);
            }
        }

        return removed;
    }

    /// <summary>Waits for a free render slot; pair with <see cref="ReleaseSlot"/>.</summary>
    internal Task WaitForSlotAsync(CancellationToken ct) => _slots.WaitAsync(ct);

    internal void ReleaseSlot() => _slots.Release();
}
