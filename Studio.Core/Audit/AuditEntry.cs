using Studio.Core.Common;

namespace Studio.Core.Audit;

/// <summary>One thing someone did that an admin may need to account for: who, what, on what, and what it cost.</summary>
public sealed class AuditEntry
{
    /// <summary>Longest action name.</summary>
    public const int MaxActionLength = 40;

    /// <summary>Longest detail.</summary>
    public const int MaxDetailLength = 500;

    private AuditEntry()
    {
        ActorId = Action = Target = Detail = string.Empty;
    }

    /// <summary>Creates an entry.</summary>
    public AuditEntry(Guid id, string actorId, string action, string target, string detail, decimal? costUsd, DateTimeOffset at)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(actorId);
        ArgumentException.ThrowIfNullOrWhiteSpace(action);
        Id = id;
        ActorId = actorId;
        Action = action.Length > MaxActionLength ? action[..MaxActionLength] : action;
        Target = target;
        Detail = detail.Length > MaxDetailLength ? detail[..MaxDetailLength] : detail;
        CostUsd = costUsd;
        At = at;
    }

    /// <summary>
    /// Creates an entry whose detail is one of our sentences (see <see cref="AuditDetails"/>): its English in
    /// <see cref="Detail"/>, the sentence itself in <see cref="DetailText"/>, worded in each reader's language when read.
    /// </summary>
    public AuditEntry(Guid id, string actorId, string action, string target, StoredText detail, decimal? costUsd, DateTimeOffset at)
        : this(id, actorId, action, target, (detail ?? throw new ArgumentNullException(nameof(detail))).English, costUsd, at)
    {
        DetailText = detail.ToJson();
    }

    /// <summary>An entry made now (by <paramref name="time"/>), with a time-ordered id; its detail is data (a title, a name), shown as written.</summary>
    public static AuditEntry Now(TimeProvider time, string actorId, string action, string target, string detail, decimal? costUsd)
    {
        ArgumentNullException.ThrowIfNull(time);
        var now = time.GetUtcNow();
        return new AuditEntry(Guid.CreateVersion7(now), actorId, action, target, detail, costUsd, now);
    }

    /// <summary>An entry made now (by <paramref name="time"/>), with a time-ordered id; its detail is worded in each reader's language.</summary>
    public static AuditEntry Now(TimeProvider time, string actorId, string action, string target, StoredText detail, decimal? costUsd)
    {
        ArgumentNullException.ThrowIfNull(time);
        var now = time.GetUtcNow();
        return new AuditEntry(Guid.CreateVersion7(now), actorId, action, target, detail, costUsd, now);
    }

    /// <summary>Identifier.</summary>
    public Guid Id { get; private set; }

    /// <summary>The user who did it.</summary>
    public string ActorId { get; private set; }

    /// <summary>What was done, e.g. "job.start", "job.cancel", "job.delete", "template.update".</summary>
    public string Action { get; private set; }

    /// <summary>What it was done to, e.g. "job/{id}".</summary>
    public string Target { get; private set; }

    /// <summary>A short description for people (the job's title, the template's name), in English when it has link words of ours.</summary>
    public string Detail { get; private set; }

    /// <summary>
    /// <see cref="Detail"/> as a <see cref="StoredText"/> in JSON when it has words of ours ("owner", "monthly budget"),
    /// worded in the reader's language when read; null when the detail is data only (a title, a name) and on rows older than it.
    /// </summary>
    public string? DetailText { get; private set; }

    /// <summary>What it cost or is expected to cost, in USD, when money is involved.</summary>
    public decimal? CostUsd { get; private set; }

    /// <summary>When.</summary>
    public DateTimeOffset At { get; private set; }
}
