using Studio.Core.Events;

namespace Studio.Tests.Builders;

/// <summary>Changes a handler received, in order; <see cref="WaitForAsync"/> completes once there are that many.</summary>
public sealed class JobChangeInbox
{
    private readonly List<JobChanged> _received = [];
    private readonly List<(int Count, TaskCompletionSource Done)> _waiters = [];

    public IReadOnlyList<JobChanged> Received
    {
        get
        {
            lock (_received)
            {
                return [.. _received];
            }
        }
    }

    public ValueTask Add(JobChanged change)
    {
        lock (_received)
        {
            _received.Add(change);
            foreach (var waiter in _waiters.Where(w => _received.Count >= w.Count))
            {
                waiter.Done.TrySetResult();
            }
        }

        return ValueTask.CompletedTask;
    }

    public async Task<IReadOnlyList<JobChanged>> WaitForAsync(int count, TimeSpan? patience = null)
    {
        var done = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        lock (_received)
        {
            if (_received.Count >= count)
            {
                done.TrySetResult();
            }

            _waiters.Add((count, done));
        }

        await done.Task.WaitAsync(patience ?? TimeSpan.FromSeconds(10));
        return Received;
    }
}
