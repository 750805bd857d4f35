namespace Studio.Core.Persistence;

/// <summary>SQLite: one writer at a time, so nothing more to do.</summary>
internal sealed class SqliteConcurrency : IDatabaseConcurrency
{
    public bool LocksClaimedRows => false;

    public Task SerializeAsync(StudioDbContext db, string scope, CancellationToken ct) => Task.CompletedTask;
}
