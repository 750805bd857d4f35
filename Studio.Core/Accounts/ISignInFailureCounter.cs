namespace Studio.Core.Accounts;

/// <summary>
/// Counts failed sign-ins of e-mails that have no account, under the account lockout rules. In this process by
/// default (<see cref="InProcessSignInFailureCounter"/>); in Redis when several processes serve one Studio
/// (<see cref="RedisSignInFailureCounter"/>), so that spreading attempts over nodes gains nothing.
/// </summary>
public interface ISignInFailureCounter
{
    /// <summary>Counts one failure for <paramref name="email"/>; returns when its "lockout" ends, or null while not locked.</summary>
    ValueTask<DateTimeOffset?> FailAsync(string email, CancellationToken ct);
}
