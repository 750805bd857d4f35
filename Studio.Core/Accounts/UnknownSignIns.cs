using System.Collections.Concurrent;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace Studio.Core.Accounts;

/// <summary>
/// Makes a sign-in with an e-mail that has no account look like one with a wrong password: the password is hashed
/// just as long (no faster answer), and failures count towards a "lockout" with the same rules as a real account,
/// so neither the time nor the "locked" answer tells which e-mails exist. Counts are kept in this process only.
/// </summary>
public sealed class UnknownSignIns
{
    private const int PruneAbove = 10_000;

    private readonly ConcurrentDictionary<string, Failures> _failures = new(StringComparer.OrdinalIgnoreCase);
    private readonly Lazy<string> _decoyHash;
    private readonly PasswordHasher<StudioUser> _hasher;
    private readonly AccountOptions _options;
    private readonly TimeProvider _time;

    /// <summary>Counts failures by e-mail under the account rules; the decoy hash is made on first use.</summary>
    public UnknownSignIns(IOptions<PasswordHasherOptions> hashing, IOptions<AccountOptions> options, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(options);

        // Identity's own hasher with the same settings (its registration is scoped; this one lives with the counts).
        var hasher = new PasswordHasher<StudioUser>(hashing);
        _hasher = hasher;
        _options = options.Value;
        _time = time;
        _decoyHash = new(() => hasher.HashPassword(new StudioUser(), Guid.NewGuid().ToString("N")));
    }

    /// <summary>
    /// A failed sign-in for <paramref name="email"/>, which has no account: checks the password against a decoy hash
    /// (the same work as for a real account) and returns when the "lockout" ends, or null while not locked.
    /// </summary>
    public DateTimeOffset? Fail(string email, string password)
    {
        ArgumentNullException.ThrowIfNull(email);
        _hasher.VerifyHashedPassword(new StudioUser(), _decoyHash.Value, password ?? string.Empty);
        var now = _time.GetUtcNow();
        Prune(now);
        var key = email.Trim();
        var failures = _failures.AddOrUpdate(
            key,
            _ => new Failures(1, null, now),
            (_, old) => old.LockedUntil is { } until && until > now
                ? old
                : Count(old.LockedUntil is null && now - old.Last < _options.LockoutTime ? old.Count + 1 : 1, now));
        return failures.LockedUntil is { } end && end > now ? end : null;
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
