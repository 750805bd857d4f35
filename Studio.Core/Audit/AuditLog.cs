using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Studio.Core.Common;
using Studio.Core.Persistence;

namespace Studio.Core.Audit;

/// <summary>
/// Keeps and reads the audit trail: who started, cancelled, deleted what, and what it cost. Details with words of ours
/// are read in the reader's language (the current UI culture), through <paramref name="words"/>.
/// </summary>
public sealed class AuditLog(IDbContextFactory<StudioDbContext> dbFactory, TimeProvider time, IStringLocalizer<StoredText> words)
{
    /// <summary>Writes one entry whose detail is data (a title, a name), shown as written.</summary>
    public async Task WriteAsync(string actorId, string action, string target, string detail, decimal? costUsd, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct).ConfigureAwait(false);
        db.Audit.Add(AuditEntry.Now(time, actorId, action, target, detail, costUsd));
        await db.SaveChangesAsync(ct).ConfigureAwait(false);
    }

    /// <summary>Writes one entry whose detail has words of ours (see <see cref="AuditDetails"/>), worded when read.</summary>
    public async Task WriteAsync(string actorId, string action, string target, StoredText detail, decimal? costUsd, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct).ConfigureAwait(false);
        db.Audit.Add(AuditEntry.Now(time, actorId, action, target, detail, costUsd));
        await db.SaveChangesAsync(ct).ConfigureAwait(false);
    }

    /// <summary>A page of entries, newest first, optionally of one actor and/or one action; with who each actor is.</summary>
    public Task<(IReadOnlyList<AuditRecord> Items, int Total)> PageAsync(int page, int pageSize, string? actorId, string? action, CancellationToken ct) =>
        PageAsync(new AuditQuery(ActorId: actorId, Action: action), page, pageSize, ct);

    /// <summary>
    /// A page of the entries <paramref name="query"/> asks for, newest first, filtered and counted by the database; with
    /// who each actor is.
    /// </summary>
    public async Task<(IReadOnlyList<AuditRecord> Items, int Total)> PageAsync(AuditQuery query, int page, int pageSize, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(query);
        ArgumentOutOfRangeException.ThrowIfLessThan(page, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(pageSize, 1);
        await using var db = await dbFactory.CreateDbContextAsync(ct).ConfigureAwait(false);
        var entries = Filter(db, query);
        var total = await entries.CountAsync(ct).ConfigureAwait(false);
        var rows = await entries.OrderByDescending(e => e.At).ThenByDescending(e => e.Id)
            .Skip((page - 1) * pageSize).Take(pageSize)
            .ToListAsync(ct).ConfigureAwait(false);
        var actors = rows.Select(r => r.ActorId).Distinct().ToList();
        var emails = await db.Users.AsNoTracking().Where(u => actors.Contains(u.Id)).ToDictionaryAsync(u => u.Id, u => u.Email, ct).ConfigureAwait(false);
        return ([.. rows.Select(r => new AuditRecord(r.Id, r.ActorId, emails.GetValueOrDefault(r.ActorId), r.Action, r.Target, DetailOf(r), r.CostUsd, r.At))], total);
    }

    // Worded in the reader's language when the entry has its sentence; old rows and data-only details as stored.
    private string DetailOf(AuditEntry entry)
    {
        var worded = StoredText.Show(entry.DetailText, entry.Detail, words) ?? entry.Detail;
        return worded.Length > AuditEntry.MaxDetailLength ? worded[..AuditEntry.MaxDetailLength] : worded;
    }

    /// <summary>Every action name on the log, alphabetically: the choices of the action filter.</summary>
    public async Task<IReadOnlyList<string>> ActionsAsync(CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct).ConfigureAwait(false);
        return await db.Audit.AsNoTracking().Select(e => e.Action).Distinct().OrderBy(a => a).ToListAsync(ct).ConfigureAwait(false);
    }

    private static IQueryable<AuditEntry> Filter(StudioDbContext db, AuditQuery query)
    {
        var entries = db.Audit.AsNoTracking();
        if (!string.IsNullOrWhiteSpace(query.ActorId))
        {
            entries = entries.Where(e => e.ActorId == query.ActorId);
        }

        if (!string.IsNullOrWhiteSpace(query.Actor))
        {
            var actor = query.Actor.Trim();
            var email = actor.ToUpperInvariant();
            var matching = db.Users.Where(u => u.NormalizedEmail != null && u.NormalizedEmail.Contains(email)).Select(u => u.Id);
            entries = entries.Where(e => e.ActorId == actor || matching.Contains(e.ActorId));
        }

        if (!string.IsNullOrWhiteSpace(query.Action))
        {
            var action = query.Action.Trim();
            entries = entries.Where(e => e.Action == action);
        }

        if (query.From is { } from)
        {
            entries = entries.Where(e => e.At >= from);
        }

        if (query.To is { } to)
        {
            entries = entries.Where(e => e.At < to);
        }

        if (!string.IsNullOrWhiteSpace(query.Text))
        {
            // LIKE is case-blind for ASCII in SQLite; the user's % and _ are taken literally.
            var pattern = "%" + EscapeLike(query.Text.Trim()) + "%";
            entries = entries.Where(e => EF.Functions.Like(e.Detail, pattern, "\\") || EF.Functions.Like(e.Target, pattern, "\\")
                || EF.Functions.Like(e.Action, pattern, "\\"));
        }

        return entries;
    }

    private static string EscapeLike(string text) =>
        text.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("%", "\\%", StringComparison.Ordinal).Replace("_", "\\_", StringComparison.Ordinal);
}

/// <summary>An audit entry as admins read it.</summary>
/// <param name="Id">Identifier.</param>
/// <param name="ActorId">Who.</param>
/// <param name="ActorEmail">Their e-mail address, when known.</param>
/// <param name="Action">What.</param>
/// <param name="Target">On what.</param>
/// <param name="Detail">In words: the reader's language for words of ours, data as written.</param>
/// <param name="CostUsd">Money involved.</param>
/// <param name="At">When.</param>
public sealed record AuditRecord(Guid Id, string ActorId, string? ActorEmail, string Action, string Target, string Detail, decimal? CostUsd, DateTimeOffset At);
