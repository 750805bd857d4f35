namespace Studio.Core.Persistence;

/// <summary>
/// Lets one of this process's writers at a time into the database. SQLite takes one writer anyway, and its driver waits
/// for the lock by blocking a thread; queueing here instead waits without a thread, so a busy worker never starves the
/// thread pool its HTTP calls and pages need. (A database with row locks — PostgreSQL — would open the gate wide.)
/// </summary>
public sealed class DatabaseWriteGate : IDisposable
{
    private readonly SemaphoreSlim _gate = new(1, 1);

    /// <summary>Waits for the turn; dispose the result to pass it on.</summary>
    public async Task<IDisposable> EnterAsync(CancellationToken ct)
    {
        await _gate.WaitAsync(ct).ConfigureAwait(false);
        return new Turn(_gate);
    }

    /// <inheritdoc />
    public void Dispose() => _gate.Dispose();

    private sealed class Turn(SemaphoreSlim gate) : IDisposable
    {
        private int _passed;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _passed, 1) == 0)
            {
                gate.Release();
            }
        }
    }
}
