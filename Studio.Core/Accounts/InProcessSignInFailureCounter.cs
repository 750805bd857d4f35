using System.Collections.Concurrent;
using Microsoft.Extensions.Options;

namespace Studio.Core.Accounts;

/// <summary>Failure counts of unknown e-mails kept in this process only (the single-box default).</summary>
public sealed class InProcessSignInFailureCounter(IOptions<AccountOptions> options, TimeProvider time) : ISignInFailureCounter
{
    private const int PruneAbove = 10_000;

    private readonly ConcurrentDictionary<string, Failures> _failures = new(StringComparer.OrdinalIgnoreCase);
    private readonly AccountOptions _options = options.Value;

    /// <inheritdoc />
    public ValueTask<DateTimeOffset?> FailAsync(string email, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(email);
        var now = time.GetUtcNow();
        Prune(now);
        var failures = _failures.AddOrUpdate(
            email.Trim(),
            _ => new Failures(1, null, now),
            (_, old) => old.LockedUntil is { } until && until > now
                ? old
                : Count(old.LockedUntil is null && now - old.Last < _options.LockoutTime ? old.Count + 1 : 1, now));
        return ValueTask.FromResult(failures.LockedUntil is { } end && end > now ? end : (DateTimeOffset?)null);
    }

    private Failures Count(int count, DateTimeOffset now) =>
        count >= _options.MaxFailedSignIns ? new Failures(0, now + _options.LockoutTime, now) : new Failures(count, null, now);

    private void Prune(DateTimeOffset now)
    {
        if (_failures.Count <= PruneAbove)
        {
            return;
        }

        foreach (var (email, failures) in _failures)
        {
            if ((failures.LockedUntil ?? failures.Last + _options.LockoutTime) <= now)
            {
                _failures.TryRemove(email, out _);
            }
        }
    }

    private sealed record Failures(int Count, DateTimeOffset? LockedUntil, DateTimeOffset Last);
}
