using Microsoft.EntityFrameworkCore;
using Studio.Core.Persistence;

namespace Studio.Core.Audit;

/// <summary>Keeps and reads the audit trail: who started, cancelled, deleted what, and what it cost.</summary>
public sealed class AuditLog(IDbContextFactory<StudioDbContext> dbFactory, TimeProvider time)
{
    /// <summary>Writes one entry.</summary>
    public async Task WriteAsync(string actorId, string action, string target, string detail, decimal? costUsd, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct).ConfigureAwait(false);
        db.Audit.Add(AuditEntry.Now(time, actorId, action, target, detail, costUsd));
        await db.SaveChangesAsync(ct).ConfigureAwait(false);
    }

    /// <summary>A page of entries, newest first, optionally of one actor and/or one action; with who each actor is.</summary>
    public async Task<(IReadOnlyList<AuditRecord> Items, int Total)> PageAsync(int page, int pageSize, string? actorId, string? action, CancellationToken ct)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(page, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(pageSize, 1);
        await using var db = await dbFactory.CreateDbContextAsync(ct).ConfigureAwait(false);
        var entries = db.Audit.AsNoTracking();
        if (!string.IsNullOrWhiteSpace(actorId))
        {
            entries = entries.Where(e => e.ActorId == actorId);
        }

        if (!string.IsNullOrWhiteSpace(action))
        {
            entries = entries.Where(e => e.Action == action);
        }

        var total = await entries.CountAsync(ct).ConfigureAwait(false);
        var rows = await entries.OrderByDescending(e => e.At).ThenByDescending(e => e.Id)
            .Skip((page - 1) * pageSize).Take(pageSize)
            .ToListAsync(ct).ConfigureAwait(false);
        var actors = rows.Select(r => r.ActorId).Distinct().ToList();
        var emails = await db.Users.AsNoTracking().Where(u => actors.Contains(u.Id)).ToDictionaryAsync(u => u.Id, u => u.Email, ct).ConfigureAwait(false);
        return ([.. rows.Select(r => new AuditRecord(r.Id, r.ActorId, emails.GetValueOrDefault(r.ActorId), r.Action, r.Target, r.Detail, r.CostUsd, r.At))], total);
    }
}

/// <summary>An audit entry as admins read it.</summary>
/// <param name="Id">Identifier.</param>
/// <param name="ActorId">Who.</param>
/// <param name="ActorEmail">Their e-mail address, when known.</param>
/// <param name="Action">What.</param>
/// <param name="Target">On what.</param>
/// <param name="Detail">In words.</param>
/// <param name="CostUsd">Money involved.</param>
/// <param name="At">When.</param>
public sealed record AuditRecord(Guid Id, string ActorId, string? ActorEmail, string Action, string Target, string Detail, decimal? CostUsd, DateTimeOffset At);
