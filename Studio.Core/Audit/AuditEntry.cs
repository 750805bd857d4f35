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

    /// <summary>An entry made now (by <paramref name="time"/>), with a time-ordered id.</summary>
    public static AuditEntry Now(TimeProvider time, string actorId, string action, string target, string detail, decimal? costUsd)
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

    /// <summary>A short description for people (the job's title, the template's name).</summary>
    public string Detail { get; private set; }

    /// <summary>What it cost or is expected to cost, in USD, when money is involved.</summary>
    public decimal? CostUsd { get; private set; }

    /// <summary>When.</summary>
    public DateTimeOffset At { get; private set; }
}
