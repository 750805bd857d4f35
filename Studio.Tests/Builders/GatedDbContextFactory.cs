using Microsoft.EntityFrameworkCore;
using Studio.Core.Persistence;

namespace Studio.Tests.Builders;

/// <summary>
/// The database seam with a gate in front: open (the default) it passes straight to the real database; held, new
/// contexts wait until it opens (a page's loading state); failing, they throw (a page's error state).
/// Everything behind it (the services, the SQL, the file) stays real.
/// </summary>
public sealed class GatedDbContextFactory(IDbContextFactory<StudioDbContext> inner) : IDbContextFactory<StudioDbContext>
{
    private readonly Lock _lock = new();
    private TaskCompletionSource? _held;
    private Exception? _failure;

    /// <summary>From now on, new contexts wait until <see cref="Open"/>.</summary>
    public void Hold()
    {
        lock (_lock)
        {
            _held ??= new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        }
    }

    /// <summary>From now on, new contexts throw <paramref name="failure"/> until <see cref="Open"/>.</summary>
    public void Fail(Exception failure)
    {
        lock (_lock)
        {
            _failure = failure;
        }
    }

    /// <summary>Lets every waiting and future context through.</summary>
    public void Open()
    {
        TaskCompletionSource? held;
        lock (_lock)
        {
            held = _held;
            _held = null;
            _failure = null;
        }

        held?.TrySetResult();
    }

    public StudioDbContext CreateDbContext()
    {
        var (held, failure) = State();
        if (failure is not null)
        {
            throw failure;
        }

        held?.Task.GetAwaiter().GetResult();
        return inner.CreateDbContext();
    }

    public async Task<StudioDbContext> CreateDbContextAsync(CancellationToken cancellationToken = default)
    {
        var (held, failure) = State();
        if (failure is not null)
        {
            throw failure;
        }

        if (held is not null)
        {
            await held.Task.WaitAsync(cancellationToken);
        }

        return await inner.CreateDbContextAsync(cancellationToken);
    }

    private (TaskCompletionSource? Held, Exception? Failure) State()
    {
        lock (_lock)
        {
            return (_held, _failure);
        }
    }
}
