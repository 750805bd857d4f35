using Microsoft.Extensions.Options;

namespace Studio.Core.Persistence;

/// <summary>
/// Lets this process's writers into the database in turns. SQLite takes one writer anyway, and its driver waits for the
/// lock by blocking a thread; queueing here instead waits without a thread, so a busy worker never starves the thread
/// pool its HTTP calls and pages need. PostgreSQL locks rows, not the database: there the gate lets
/// <see cref="DatabaseOptions.ConcurrentWrites"/> writers in at once, and only bounds the connections they hold.
/// </summary>
public sealed class DatabaseWriteGate(IOptions<DatabaseOptions> options) : IDisposable
{
    private readonly SemaphoreSlim _gate = new(options.Value.WritersPerProcess, options.Value.WritersPerProcess);

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
