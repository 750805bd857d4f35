namespace Studio.Core.Costs;

/// <summary>
/// One line of the spending ledger: a charge (or a refund, negative) for a user's job, written in the same save as the
/// change that caused it. Monthly totals per provider and per user are sums over it.
/// </summary>
public sealed class CostEntry
{
    private CostEntry()
    {
        OwnerId = Provider = string.Empty;
    }

    /// <summary>Creates an entry.</summary>
    public CostEntry(Guid id, string ownerId, Guid jobId, int? segmentIndex, string provider, CostKind kind, decimal amountUsd, DateTimeOffset at)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(ownerId);
        ArgumentException.ThrowIfNullOrWhiteSpace(provider);
        Id = id;
        OwnerId = ownerId;
        JobId = jobId;
        SegmentIndex = segmentIndex;
        Provider = provider;
        Kind = kind;
        AmountUsd = amountUsd;
        At = at;
    }

    /// <summary>An entry booked now (by <paramref name="time"/>), with a time-ordered id.</summary>
    public static CostEntry Now(TimeProvider time, string ownerId, Guid jobId, int? segmentIndex, string provider, CostKind kind, decimal amountUsd)
    {
        ArgumentNullException.ThrowIfNull(time);
        var now = time.GetUtcNow();
        return new CostEntry(Guid.CreateVersion7(now), ownerId, jobId, segmentIndex, provider, kind, amountUsd, now);
    }

    /// <summary>Identifier.</summary>
    public Guid Id { get; private set; }

    /// <summary>The user who spent it.</summary>
    public string OwnerId { get; private set; }

    /// <summary>The job it was spent on.</summary>
    public Guid JobId { get; private set; }

    /// <summary>The segment, for clips and refunds.</summary>
    public int? SegmentIndex { get; private set; }

    /// <summary>Who was paid: a video provider's name, or the script writer's / voice engine's.</summary>
    public string Provider { get; private set; }

    /// <summary>What it paid for.</summary>
    public CostKind Kind { get; private set; }

    /// <summary>USD; negative for a refund.</summary>
    public decimal AmountUsd { get; private set; }

    /// <summary>When.</summary>
    public DateTimeOffset At { get; private set; }
}
