using System.Collections.Concurrent;

namespace Studio.Core.Budget;

/// <summary>
/// One paid submission at a time per user (in this process), from the budget check until its charge is booked: two
/// workers cannot both spend the last of a user's budget. Users without a budget never wait here.
/// </summary>
internal sealed class OwnerTurns : IDisposable
{
    private readonly ConcurrentDictionary<string, SemaphoreSlim> _gates = new(StringComparer.Ordinal);

    /// <summary>Waits for the user's turn; dispose the result to pass it on.</summary>
    public async Task<IDisposable> EnterAsync(string ownerId, CancellationToken ct)
    {
        var gate = _gates.GetOrAdd(ownerId, _ => new SemaphoreSlim(1, 1));
        await gate.WaitAsync(ct).ConfigureAwait(false);
        return new Turn(gate);
    }

    public void Dispose()
    {
        foreach (var gate in _gates.Values)
        {
            gate.Dispose();
        }
    }

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
