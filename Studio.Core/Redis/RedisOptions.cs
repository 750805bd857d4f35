using System.ComponentModel.DataAnnotations;

namespace Studio.Core.Redis;

/// <summary>
/// Redis shared by several Studio processes, under <c>Studio:Redis</c>. Empty by default: one process, events in memory.
/// With <see cref="Connection"/> set, job events, the SignalR backplane, data protection keys and sign-in failure
/// counts of unknown e-mails go through it.
/// </summary>
public sealed class RedisOptions
{
    /// <summary>Configuration section.</summary>
    public const string Section = "Studio:Redis";

    /// <summary>
    /// A StackExchange.Redis configuration string, e.g. <c>redis:6379</c> or <c>redis:6379,password=…,ssl=true</c>.
    /// Default empty: no Redis.
    /// </summary>
    public string? Connection { get; set; }

    /// <summary>
    /// Starts every channel and key Studio uses, so several Studios (or other applications) can share one Redis.
    /// Default <c>studio</c>.
    /// </summary>
    [Required]
    [RegularExpression("^[A-Za-z0-9_.-]{1,64}$")]
    public string Prefix { get; set; } = "studio";

    /// <summary>Whether Redis is configured at all.</summary>
    public bool IsEnabled => !string.IsNullOrWhiteSpace(Connection);
}
