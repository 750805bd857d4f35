namespace Studio.App.Components.Shared;

/// <summary>
/// Turns a stream of "something changed" signals into at most one refresh per <see cref="Interval"/>.
/// The first signal refreshes at once; signals that arrive while a refresh runs, or during the quiet interval
/// after it, collapse into a single further refresh. Nothing runs (no timer ticks) while no signal comes.
/// </summary>
/// <remarks>
/// Job events run on the publisher's path (a worker), so <see cref="MarkDirty"/> only sets a flag and, when idle,
/// starts the refresh loop on the thread pool. The refresh callback reads fresh state and hands it to its
/// component with <c>InvokeAsync</c>; it gets a token that <see cref="DisposeAsync"/> cancels.
/// </remarks>
internal sealed class CoalescingRefresher : IAsyncDisposable
{
    /// <summary>The default quiet interval: 100 ms, i.e. at most ten refreshes a second.</summary>
    public static readonly TimeSpan DefaultInterval = TimeSpan.FromMilliseconds(100);

    private readonly Func<CancellationToken, Task> _refresh;
    private readonly Action<Exception> _onError;
    private readonly TimeProvider _time;
    private readonly CancellationTokenSource _stop = new();
    private readonly Lock _gate = new();
    private bool _dirty;
    private bool _disposed;
    private Task? _loop;

    /// <summary>Creates an idle refresher.</summary>
    /// <param name="refresh">Reads fresh state and re-renders; called at most once per interval, never twice at once.</param>
    /// <param name="onError">Told when <paramref name="refresh"/> throws; later signals still refresh.</param>
    /// <param name="time">The clock for the quiet interval.</param>
    /// <param name="interval">The quiet interval after each refresh; <see cref="DefaultInterval"/> when null.</param>
    public CoalescingRefresher(Func<CancellationToken, Task> refresh, Action<Exception> onError, TimeProvider time, TimeSpan? interval = null)
    {
        ArgumentNullException.ThrowIfNull(refresh);
        ArgumentNullException.ThrowIfNull(onError);
        ArgumentNullException.ThrowIfNull(time);
        _refresh = refresh;
        _onError = onError;
        _time = time;
        Interval = interval ?? DefaultInterval;
    }

    /// <summary>The quiet interval after each refresh (default 100 ms).</summary>
    public TimeSpan Interval { get; }

    /// <summary>Says the view is stale. Cheap and thread-safe; does nothing once disposed.</summary>
    public void MarkDirty()
    {
        lock (_gate)
        {
            if (_disposed)
            {
                return;
            }

            _dirty = true;
            _loop ??= Task.Run(RunAsync);
        }
    }

    /// <summary>Stops: cancels a refresh in flight and waits for it to end. Later signals are ignored.</summary>
    public async ValueTask DisposeAsync()
    {
        Task? loop;
        lock (_gate)
        {
            if (_disposed)
            {
                return;
            }

            _disposed = true;
            loop = _loop;
        }

        await _stop.CancelAsync();
        if (loop is not null)
        {
            await loop;
        }

        _stop.Dispose();
    }

    private async Task RunAsync()
    {
        var ct = _stop.Token;
        try
        {
            while (TakeDirty())
            {
                try
                {
                    await _refresh(ct);
                }
                catch (OperationCanceledException) when (ct.IsCancellationRequested)
                {
                    return;
                }
#pragma warning disable CA1031 // A failed refresh is reported, not thrown: it would be lost on the thread pool.
                catch (Exception ex)
#pragma warning restore CA1031
                {
                    _onError(ex);
                }

                await Task.Delay(Interval, _time, ct);
            }
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
            // Disposed while waiting out the interval.
        }
    }

    // Clears the flag and says whether there was work; when there was none the loop ends, atomically with the
    // check, so that a signal arriving right after starts a new loop rather than being lost.
    private bool TakeDirty()
    {
        lock (_gate)
        {
            if (!_dirty || _disposed)
            {
                _loop = null;
                return false;
            }

            _dirty = false;
            return true;
        }
    }
}
