namespace Studio.Core.Common;

/// <summary>
/// Wakes an idle polling worker at once when there is work, rather than at its next poll. The database stays the
/// source of truth: a missed signal only costs one poll interval. One subclass per worker, so each is its own service.
/// </summary>
public abstract class WakeSignal : IDisposable
{
    private readonly SemaphoreSlim _signal = new(0, 1);

    /// <summary>Says there is work.</summary>
    public void Notify()
    {
        try
        {
            _signal.Release();
        }
        catch (SemaphoreFullException)
        {
            // Already signalled; one wake-up is enough.
        }
    }

    /// <summary>Waits for a signal or until <paramref name="timeout"/> passes.</summary>
    public Task<bool> WaitAsync(TimeSpan timeout, CancellationToken ct) => _signal.WaitAsync(timeout, ct);

    /// <inheritdoc />
    public void Dispose()
    {
        _signal.Dispose();
        GC.SuppressFinalize(this);
    }
}
