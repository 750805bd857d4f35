using Microsoft.Extensions.Time.Testing;

namespace Studio.Tests.Fakes;

/// <summary>
/// A <see cref="FakeTimeProvider"/> that tells a test when code under test starts waiting: every timer armed
/// (Task.Delay, CancelAfter, a CancellationTokenSource with a delay, Polly's retry delays and timeouts) is queued
/// with its due time, and <see cref="WaitForTimerAsync"/> hands them out. A test can then check how long the code
/// chose to wait, and <see cref="FakeTimeProvider.Advance"/> exactly that far, without sleeping.
/// </summary>
public sealed class WatchedClock : FakeTimeProvider
{
    private static readonly TimeSpan Guard = TimeSpan.FromSeconds(30);

    private readonly Lock _gate = new();
    private readonly List<TimeSpan> _unclaimed = [];
    private readonly List<(Func<TimeSpan, bool> Match, TaskCompletionSource<TimeSpan> Found)> _waiters = [];

    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
    {
        var timer = new WatchedTimer(base.CreateTimer(callback, state, dueTime, period), this);
        Armed(dueTime);
        return timer;
    }

    /// <summary>Forgets the timers armed so far, so that the next waits are about what happens from now on.</summary>
    public void ForgetTimers()
    {
        lock (_gate)
        {
            _unclaimed.Clear();
        }
    }

    /// <summary>
    /// The due time of the first timer not yet handed out that <paramref name="match"/> accepts, waiting (at most 30 s
    /// of real time, a guard against a hung test) until one is armed.
    /// </summary>
    public Task<TimeSpan> WaitForTimerAsync(Func<TimeSpan, bool> match)
    {
        lock (_gate)
        {
            var index = _unclaimed.FindIndex(d => match(d));
            if (index >= 0)
            {
                var due = _unclaimed[index];
                _unclaimed.RemoveAt(index);
                return Task.FromResult(due);
            }

            var found = new TaskCompletionSource<TimeSpan>(TaskCreationOptions.RunContinuationsAsynchronously);
            _waiters.Add((match, found));
            return found.Task.WaitAsync(Guard);
        }
    }

    /// <summary>
    /// Disposes <paramref name="owner"/> while moving time on, a second at a time (at most ten minutes), for owners
    /// whose disposal waits on this clock (Polly's registry waits for executions still under way).
    /// </summary>
    public async Task DisposeWhileTickingAsync(Func<ValueTask> owner)
    {
        var disposing = owner().AsTask();
        for (var second = 0; second < 600 && !disposing.IsCompleted; second++)
        {
            Advance(TimeSpan.FromSeconds(1));
            await Task.WhenAny(disposing, Task.Delay(TimeSpan.FromMilliseconds(5), TimeProvider.System));
        }

        await disposing;
    }

    private void Armed(TimeSpan dueTime)
    {
        if (dueTime == Timeout.InfiniteTimeSpan)
        {
            return;
        }

        TaskCompletionSource<TimeSpan>? found = null;
        lock (_gate)
        {
            var waiter = _waiters.FindIndex(w => w.Match(dueTime));
            if (waiter >= 0)
            {
                found = _waiters[waiter].Found;
                _waiters.RemoveAt(waiter);
            }
            else
            {
                _unclaimed.Add(dueTime);
            }
        }

        found?.TrySetResult(dueTime);
    }

    private sealed class WatchedTimer(ITimer inner, WatchedClock clock) : ITimer
    {
        public bool Change(TimeSpan dueTime, TimeSpan period)
        {
            var changed = inner.Change(dueTime, period);
            clock.Armed(dueTime);
            return changed;
        }

        public void Dispose() => inner.Dispose();

        public ValueTask DisposeAsync() => inner.DisposeAsync();
    }
}
