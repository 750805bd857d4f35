namespace Studio.Core.Persistence;

/// <summary>
/// What keeps writers apart beyond this process, which differs by engine: SQLite has one writer at a time (and Studio's
/// <see cref="DatabaseWriteGate"/> queues this process's), PostgreSQL has row locks and many processes.
/// </summary>
public interface IDatabaseConcurrency
{
    /// <summary>
    /// Whether claims lock the rows they read inside their transaction, skipping rows another worker has locked
    /// (PostgreSQL: <c>FOR UPDATE SKIP LOCKED</c>, see <see cref="ClaimQueries.ForClaim{T}"/>). False on SQLite, whose
    /// claims rely on its single writer and on the rows' versions.
    /// </summary>
    bool LocksClaimedRows { get; }

    /// <summary>
    /// Inside the caller's transaction on <paramref name="db"/>, waits until no other transaction — of any process —
    /// holds <paramref name="scope"/>, and holds it until this transaction ends (a check-then-write such as a budget's
    /// check-and-reserve). Nothing to do on SQLite, where one write transaction runs at a time anyway.
    /// </summary>
    Task SerializeAsync(StudioDbContext db, string scope, CancellationToken ct);
}
