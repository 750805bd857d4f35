using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using StackExchange.Redis;
using Studio.Core.Redis;

namespace Studio.Core.Accounts;

/// <summary>
/// Failure counts of unknown e-mails in Redis, shared by every process: a count key that each failure increments
/// and keeps alive for the lockout time (the same "failures in a row" as in memory), and a lock key that lives for
/// the lockout time once the count reaches the limit. Keys hold a hash of the e-mail, never the e-mail. When Redis
/// is away, the failure is logged and not counted (real accounts keep their own lockout in the database).
/// </summary>
public sealed partial class RedisSignInFailureCounter(
    RedisConnection redis, IOptions<AccountOptions> options, TimeProvider time, ILogger<RedisSignInFailureCounter> logger)
    : ISignInFailureCounter
{
    // One round trip, atomic: KEYS[1] the count, KEYS[2] the lock; ARGV[1] lockout in ms, ARGV[2] failures that lock.
    // Answers the lock's remaining ms, or 0 while not locked.
    private const string FailScript = """
        local locked = redis.call('PTTL', KEYS[2])
        if locked > 0 then return locked end
        local count = redis.call('INCR', KEYS[1])
        redis.call('PEXPIRE', KEYS[1], ARGV[1])
        if count >= tonumber(ARGV[2]) then
          redis.call('DEL', KEYS[1])
          redis.call('SET', KEYS[2], '1', 'PX', ARGV[1])
          return tonumber(ARGV[1])
        end
        return 0
        """;

    private readonly AccountOptions _options = options.Value;

    /// <inheritdoc />
    public async ValueTask<DateTimeOffset?> FailAsync(string email, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(email);
        var key = $"{redis.Prefix}:sign-in-failures:{Hash(email)}";
        try
        {
            var result = await redis.Database.ScriptEvaluateAsync(
                FailScript,
                [new RedisKey(key + ":count"), new RedisKey(key + ":locked")],
                [(long)_options.LockoutTime.TotalMilliseconds, _options.MaxFailedSignIns]).ConfigureAwait(false);
            var remaining = (long)result;
            return remaining > 0 ? time.GetUtcNow() + TimeSpan.FromMilliseconds(remaining) : null;
        }
        catch (Exception ex) when (ex is RedisException or TimeoutException)
        {
            LogNotCounted(logger, ex);
            return null;
        }
    }

    private static string Hash(string email) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(email.Trim().ToUpperInvariant())));

    [LoggerMessage(LogLevel.Warning, "Redis is unavailable: a failed sign-in of an unknown e-mail was not counted")]
    private static partial void LogNotCounted(ILogger logger, Exception exception);
}
