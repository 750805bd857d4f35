namespace Studio.Core.Notifications;

/// <summary>
/// Wakes the notification worker when something was queued (a test message), so it is sent at once rather than at the
/// next poll. The outbox table stays the source of truth: a missed signal only costs one poll interval.
/// </summary>
public sealed class NotificationSignal : IDisposable
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
    public void Dispose() => _signal.Dispose();
}
