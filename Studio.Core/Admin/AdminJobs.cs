using System.Linq.Expressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Studio.Core.Audit;
using Studio.Core.Common;
using Studio.Core.Events;
using Studio.Core.Jobs;
using Studio.Core.Orchestration;
using Studio.Core.Persistence;
using Studio.Core.Providers;
using Studio.Core.Segments;

namespace Studio.Core.Admin;

/// <summary>
/// What an admin does to the jobs of every user. Each command acts through the job's owner (the user services treat
/// another user's job as missing, so the owner is looked up first) and is written to the audit trail naming the admin
/// as actor, beside the owner-named line the user service writes itself.
/// </summary>
public sealed class AdminJobs(
    IDbContextFactory<StudioDbContext> dbFactory,
    JobService jobs,
    JobControl control,
    VideoProviderCatalog providers,
    IJobEvents events,
    DatabaseWriteGate writes,
    AuditLog audit,
    TimeProvider time,
    IStringLocalizer<AdminJobs> L)
{
    /// <summary>Most jobs one bulk action takes; a bound so one click cannot hold the server for long.</summary>
    public const int MaxBulk = 200;

    /// <summary>
    /// One page of everyone's jobs, filtered and ordered by <paramref name="query"/> in SQL; and how many match in all.
    /// </summary>
    public async Task<(IReadOnlyList<AdminJobRow> Items, int Total)> PageAsync(AdminJobQuery query, int page, int pageSize, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(query);
        ArgumentOutOfRangeException.ThrowIfLessThan(page, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(pageSize, 1);
        await using var db = await dbFactory.CreateDbContextAsync(ct).ConfigureAwait(false);
        var rows = from j in db.Jobs.AsNoTracking()
                   join u in db.Users.AsNoTracking() on j.OwnerId equals u.Id into owners
                   from u in owners.DefaultIfEmpty()
                   select new OwnedJob { Job = j, Email = u == null ? null : u.Email, Normalized = u == null ? null : u.NormalizedEmail };
        if (query.Status is { } status)
        {
            rows = rows.Where(r => r.Job.Status == status);
        }

        if (!string.IsNullOrWhiteSpace(query.Owner))
        {
            var owner = query.Owner.Trim().ToUpperInvariant();
            rows = rows.Where(r => r.Normalized != null && r.Normalized.Contains(owner));
        }

        if (!string.IsNullOrWhiteSpace(query.Title))
        {
            // LIKE is case-blind for ASCII in SQLite; the user's % and _ are taken literally.
            var title = "%" + Escape(query.Title.Trim()) + "%";
            rows = rows.Where(r => EF.Functions.Like(r.Job.Title, title, "\\"));
        }

        var total = await rows.CountAsync(ct).ConfigureAwait(false);
        var pageRows = await Order(rows, query.Sort, query.Descending)
            .Skip((page - 1) * pageSize).Take(pageSize)
            .Select(r => new { r.Job.Id, r.Email })
            .ToListAsync(ct).ConfigureAwait(false);
        var ids = pageRows.Select(r => r.Id).ToList();

        // Progress and spending need the segments; SQLite cannot sum decimals exactly, so the page is read whole.
        var loaded = await db.Jobs.AsNoTracking().Include(j => j.Segments).AsSplitQuery()
            .Where(j => ids.Contains(j.Id)).ToDictionaryAsync(j => j.Id, ct).ConfigureAwait(false);
        var items = pageRows.Where(r => loaded.ContainsKey(r.Id)).Select(r => Row(loaded[r.Id], r.Email)).ToList();
        return (items, total);
    }

    /// <summary>A job of any user with its segments and takes; null when there is no such job.</summary>
    public async Task<JobDetails?> GetAsync(Guid jobId, CancellationToken ct)
    {
        var owner = await OwnerOfAsync(jobId, ct).ConfigureAwait(false);
        return owner is null ? null : await jobs.GetAsync(owner.Value.OwnerId, jobId, ct).ConfigureAwait(false);
    }

    /// <summary>Cancels, retries or deletes each job, in the order given; one job's refusal does not stop the others.</summary>
    public async Task<BulkJobResult> BulkAsync(string adminId, BulkJobAction action, IReadOnlyCollection<Guid> jobIds, CancellationToken ct)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(adminId);
        ArgumentNullException.ThrowIfNull(jobIds);
        if (jobIds.Count > MaxBulk)
        {
            throw new ArgumentOutOfRangeException(nameof(jobIds), jobIds.Count, $"At most {MaxBulk} jobs at once.");
        }

        var items = new List<BulkJobItem>();
        foreach (var jobId in jobIds.Distinct())
        {
            ct.ThrowIfCancellationRequested();
            if (await OwnerOfAsync(jobId, ct).ConfigureAwait(false) is not { } found)
            {
                items.Add(new BulkJobItem(jobId, string.Empty, JobCommandOutcome.NotFound, L["There is no such job."]));
                continue;
            }

            var result = action switch
            {
                BulkJobAction.Cancel => await control.CancelAsync(found.OwnerId, jobId, ct).ConfigureAwait(false),
                BulkJobAction.Retry => await control.RetryAsync(found.OwnerId, jobId, ct).ConfigureAwait(false),
                BulkJobAction.Delete => await jobs.DeleteAsync(found.OwnerId, jobId, ct).ConfigureAwait(false),
                _ => throw new ArgumentOutOfRangeException(nameof(action), action, null),
            };
            if (result.Outcome == JobCommandOutcome.Done)
            {
                await audit.WriteAsync(adminId, ActionName(action), $"job/{jobId}", AuditDetails.JobOfOwner(found.Title, found.OwnerId), null, ct).ConfigureAwait(false);
            }

            items.Add(new BulkJobItem(jobId, found.Title, result.Outcome, result.Outcome == JobCommandOutcome.Done ? null : result.Reason ?? result.Outcome.ToString()));
        }

        return new BulkJobResult(action, items);
    }

    /// <summary>
    /// Changes the prompt of segment <paramref name="index"/> (from 0) of any user's job. A segment not yet sent to a
    /// provider (pending, no provider job id) takes it in place for its coming take; a finished segment starts a new
    /// take with it (billed like any regenerate). A segment at a provider right now is refused: what it makes was
    /// asked for with the old prompt, and a provider job is never submitted twice.
    /// </summary>
    public async Task<PromptEditResult> EditPromptAsync(string adminId, Guid jobId, int index, string prompt, CancellationToken ct)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(adminId);
        var cleaned = TextInput.Clean(prompt);
        await using var db = await dbFactory.CreateDbContextAsync(ct).ConfigureAwait(false);
        var job = await db.Jobs.AsNoTracking().Where(j => j.Id == jobId)
            .Select(j => new { j.OwnerId, j.Title, j.Provider, j.Status })
            .FirstOrDefaultAsync(ct).ConfigureAwait(false);
        var segment = job is null ? null : await db.Segments.AsNoTracking().Where(s => s.JobId == jobId && s.Index == index)
            .Select(s => new { s.Status, s.ProviderJobId })
            .FirstOrDefaultAsync(ct).ConfigureAwait(false);
        if (job is null || segment is null)
        {
            return new PromptEditResult(JobCommandResult.NotFound, null);
        }

        var limit = Math.Min(Segment.MaxPromptLength, providers.Find(job.Provider)?.Capabilities.MaxPromptLength ?? Segment.MaxPromptLength);
        if (cleaned.Length == 0)
        {
            return new PromptEditResult(JobCommandResult.Invalid(L["The prompt is empty."]), null);
        }

        if (cleaned.Length > limit)
        {
            return new PromptEditResult(JobCommandResult.Invalid(L["The prompt is {0} characters long; at most {1} are accepted.", cleaned.Length, limit]), null);
        }

        if (segment.Status == SegmentStatus.Pending && segment.ProviderJobId is null && job.Status is not JobStatus.Assembling)
        {
            return await ChangePendingAsync(db, adminId, jobId, job.OwnerId, job.Title, job.Status, index, cleaned, ct).ConfigureAwait(false);
        }

        if (segment.Status is SegmentStatus.Succeeded or SegmentStatus.Failed or SegmentStatus.Cancelled)
        {
            var result = await control.RegenerateAsync(job.OwnerId, jobId, index, cleaned, ct).ConfigureAwait(false);
            if (result.Outcome != JobCommandOutcome.Done)
            {
                return new PromptEditResult(result, null);
            }

            await audit.WriteAsync(adminId, "admin.segment.regenerate", $"job/{jobId}/segment/{index}", AuditDetails.PromptOfJob(job.Title, job.OwnerId, cleaned), null, ct).ConfigureAwait(false);
            return new PromptEditResult(result, PromptEditKind.Regenerating);
        }

        return new PromptEditResult(
            JobCommandResult.Conflict(L["Segment {0} is at the provider now; edit its prompt once it has finished (a new take is then made).", index + 1]), null);
    }

    private async Task<PromptEditResult> ChangePendingAsync(
        StudioDbContext db, string adminId, Guid jobId, string ownerId, string title, JobStatus status, int index, string prompt, CancellationToken ct)
    {
        int changed;
        using (await writes.EnterAsync(ct).ConfigureAwait(false))
        {
            // The expected-state write: only while still pending with no provider job, so a worker that claimed it a
            // moment ago keeps the prompt it submits; a new version makes any stale copy of the segment fail to save.
            changed = await db.Segments
                .Where(s => s.JobId == jobId && s.Index == index && s.Status == SegmentStatus.Pending && s.ProviderJobId == null)
                .ExecuteUpdateAsync(u => u.SetProperty(s => s.Prompt, prompt).SetProperty(s => s.Version, Guid.NewGuid()), ct)
                .ConfigureAwait(false);
            if (changed == 1)
            {
                db.Audit.Add(AuditEntry.Now(time, adminId, "admin.segment.prompt", $"job/{jobId}/segment/{index}", AuditDetails.PromptOfJob(title, ownerId, prompt), null));
                await db.SaveChangesAsync(ct).ConfigureAwait(false);
            }
        }

        if (changed == 0)
        {
            return new PromptEditResult(JobCommandResult.Conflict(L["Segment {0} was sent to the provider a moment ago; edit it again once it has finished.", index + 1]), null);
        }

        await events.PublishAsync(new JobChanged(jobId, ownerId, status, index, time.GetUtcNow()), ct).ConfigureAwait(false);
        return new PromptEditResult(JobCommandResult.Done, PromptEditKind.ChangedBeforeSubmission);
    }

    private async Task<(string OwnerId, string Title)?> OwnerOfAsync(Guid jobId, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct).ConfigureAwait(false);
        var found = await db.Jobs.AsNoTracking().Where(j => j.Id == jobId).Select(j => new { j.OwnerId, j.Title })
            .FirstOrDefaultAsync(ct).ConfigureAwait(false);
        return found is null ? null : (found.OwnerId, found.Title);
    }

    private static AdminJobRow Row(ProductionJob job, string? email)
    {
        var progress = job.Status == JobStatus.Completed ? 1
            : job.Status == JobStatus.Assembling ? job.Progress
            : job.Segments.Count == 0 ? 0
            : JobProgress.GenerationShare * job.Segments.Sum(s => s.Status == SegmentStatus.Succeeded ? 1 : s.Progress) / job.Segments.Count;
        return new AdminJobRow(job.Id, job.OwnerId, email, job.Title, job.Status, progress, job.Provider, job.EstimatedCostUsd, job.SpentUsd, job.Segments.Count, job.CreatedAt);
    }

    private static IQueryable<OwnedJob> Order(IQueryable<OwnedJob> rows, AdminJobSort sort, bool descending)
    {
        var ordered = sort switch
        {
            AdminJobSort.Title => By(rows, r => EF.Functions.Collate(r.Job.Title, "NOCASE"), descending),
            AdminJobSort.Owner => By(rows, r => r.Normalized, descending),
            AdminJobSort.Status => By(rows, StatusRank, descending),

            // Money is stored as TEXT, which SQLite cannot order numerically: ordered by its REAL value, and by what the
            // grid shows, i.e. what was spent so far (the total once finished).
            AdminJobSort.Cost => By(rows, SpentSoFar, descending),
            _ => null,
        };

        // Ties are broken by creation time (newest first) then id, so a page boundary never shows a row twice.
        return ordered is not null ? ordered.ThenByDescending(r => r.Job.CreatedAt).ThenByDescending(r => r.Job.Id)
            : descending ? rows.OrderByDescending(r => r.Job.CreatedAt).ThenByDescending(r => r.Job.Id)
            : rows.OrderBy(r => r.Job.CreatedAt).ThenBy(r => r.Job.Id);
    }

    private static IOrderedQueryable<OwnedJob> By<TKey>(IQueryable<OwnedJob> rows, Expression<Func<OwnedJob, TKey>> key, bool descending) =>
        descending ? rows.OrderByDescending(key) : rows.OrderBy(key);

    private static readonly Expression<Func<OwnedJob, double>> SpentSoFar = r => (double)(
        r.Job.Status == JobStatus.Completed || r.Job.Status == JobStatus.Failed || r.Job.Status == JobStatus.Cancelled
            ? r.Job.ActualCostUsd
            : r.Job.Segments.Sum(s => s.CostUsd) + r.Job.ScriptCostUsd + r.Job.VoiceCostUsd);

    // Statuses are stored by name: ordered by their place in a job's life, not alphabetically.
    private static readonly Expression<Func<OwnedJob, int>> StatusRank = r =>
        r.Job.Status == JobStatus.Draft ? 0
        : r.Job.Status == JobStatus.Queued ? 1
        : r.Job.Status == JobStatus.Running ? 2
        : r.Job.Status == JobStatus.Assembling ? 3
        : r.Job.Status == JobStatus.Completed ? 4
        : r.Job.Status == JobStatus.Failed ? 5
        : 6;

    private static string ActionName(BulkJobAction action) => action switch
    {
        BulkJobAction.Cancel => "admin.job.cancel",
        BulkJobAction.Retry => "admin.job.retry",
        _ => "admin.job.delete",
    };

    private static string Escape(string text) =>
        text.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("%", "\\%", StringComparison.Ordinal).Replace("_", "\\_", StringComparison.Ordinal);

    // A job with its owner's e-mail (null when the account is gone), the shape the grid's query filters and orders.
    private sealed class OwnedJob
    {
        public required ProductionJob Job { get; init; }

        public string? Email { get; init; }

        public string? Normalized { get; init; }
    }
}
