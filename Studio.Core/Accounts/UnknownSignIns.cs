using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace Studio.Core.Accounts;

/// <summary>
/// Makes a sign-in with an e-mail that has no account look like one with a wrong password: the password is hashed
/// just as long (no faster answer), and failures count towards a "lockout" with the same rules as a real account,
/// so neither the time nor the "locked" answer tells which e-mails exist. Counts are kept by an
/// <see cref="ISignInFailureCounter"/>: in this process, or in Redis when one is configured.
/// </summary>
public sealed class UnknownSignIns
{
    private readonly Lazy<string> _decoyHash;
    private readonly PasswordHasher<StudioUser> _hasher;
    private readonly ISignInFailureCounter _failures;

    /// <summary>Counts failures by e-mail under the account rules; the decoy hash is made on first use.</summary>
    public UnknownSignIns(IOptions<PasswordHasherOptions> hashing, ISignInFailureCounter failures)
    {
        // Identity's own hasher with the same settings (its registration is scoped; this one lives with the counts).
        var hasher = new PasswordHasher<StudioUser>(hashing);
        _hasher = hasher;
        _failures = failures;
        _decoyHash = new(() => hasher.HashPassword(new StudioUser(), Guid.NewGuid().ToString("N")));
    }

    /// <summary>
    /// A failed sign-in for <paramref name="email"/>, which has no account: checks the password against a decoy hash
    /// (the same work as for a real account) and returns when the "lockout" ends, or null while not locked.
    /// </summary>
    public async ValueTask<DateTimeOffset?> FailAsync(string email, string password, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(email);
        _hasher.VerifyHashedPassword(new StudioUser(), _decoyHash.Value, password ?? string.Empty);
        return await _failures.FailAsync(email, ct).ConfigureAwait(false);
    }
}
