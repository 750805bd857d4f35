using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Studio.Core.Jobs;

namespace Studio.Core.Notifications;

/// <summary>
/// Adds a <see cref="Notification"/> for every job whose pending save moves it to Completed or Failed, in that same save.
/// Called by <c>StudioDbContext</c> before each save, so every writer (the assembler, the settler, job control, tests)
/// is covered without knowing of notifications. The job's version (an optimistic concurrency token) lets only one save
/// per transition commit, so a notification is made once per outcome even with several workers; a failed save
/// takes its notification down with it.
/// </summary>
internal static class JobOutcomeNotices
{
    /// <summary>Adds the notifications owed by the tracked changes (at most one per job per save, even when called again).</summary>
    public static void Record(DbContext db)
    {
        var jobs = db.ChangeTracker.Entries<ProductionJob>()
            .Where(e => e.State == EntityState.Modified && IsNewOutcome(e))
            .Select(e => e.Entity)
            .ToList();
        if (jobs.Count == 0)
        {
            return;
        }

        // A save retried on the same context must not add a second one.
        var pending = db.ChangeTracker.Entries<Notification>()
            .Where(n => n.State == EntityState.Added)
            .Select(n => n.Entity.JobId)
            .ToHashSet();
        foreach (var job in jobs.Where(j => !pending.Contains(j.Id)))
        {
            var at = job.FinishedAt ?? DateTimeOffset.UnixEpoch;
            db.Add(new Notification(
                Guid.CreateVersion7(at),
                job.OwnerId,
                job.Id,
                job.Title,
                job.Status,
                job.Status == JobStatus.Failed ? job.ErrorMessage : null,
                job.ActualCostUsd,
                at));
        }
    }

    private static bool IsNewOutcome(EntityEntry<ProductionJob> entry)
    {
        var status = entry.Property(j => j.Status);
        return status.IsModified
            && status.CurrentValue is JobStatus.Completed or JobStatus.Failed
            && !Equals(status.OriginalValue, status.CurrentValue);
    }
}
