using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.EntityFrameworkCore;
using Studio.Core.Persistence;

namespace Studio.Core.Drafts;

/// <summary>
/// Keeps each user's new video wizard between visits: load, save (replacing the last save) and discard. Every call is
/// scoped to its owner; a draft that can no longer be read (written by an older shape) is treated as none.
/// </summary>
public sealed class WizardDraftStore(IDbContextFactory<StudioDbContext> dbFactory, DatabaseWriteGate writes, IDatabaseConcurrency concurrency, TimeProvider time)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter() },
    };

    /// <summary>The owner's draft, or null when there is none.</summary>
    public async Task<WizardDraftContent?> LoadAsync(string ownerId, CancellationToken ct)
    {
        ArgumentException.ThrowIfNullOrEmpty(ownerId);
        await using var db = await dbFactory.CreateDbContextAsync(ct).ConfigureAwait(false);
        var content = await db.WizardDrafts.AsNoTracking()
            .Where(d => d.OwnerId == ownerId)
            .Select(d => d.Content)
            .FirstOrDefaultAsync(ct).ConfigureAwait(false);
        if (content is null)
        {
            return null;
        }

        try
        {
            return JsonSerializer.Deserialize<WizardDraftContent>(content, Json);
        }
        catch (JsonException)
        {
            return null;
        }
    }

    /// <summary>Saves the owner's draft, replacing the one saved before.</summary>
    /// <exception cref="ArgumentException">The content is longer than <see cref="WizardDraft.MaxContentLength"/> once written.</exception>
    public async Task SaveAsync(string ownerId, WizardDraftContent content, CancellationToken ct)
    {
        ArgumentException.ThrowIfNullOrEmpty(ownerId);
        ArgumentNullException.ThrowIfNull(content);
        var json = JsonSerializer.Serialize(content, Json);
        if (json.Length > WizardDraft.MaxContentLength)
        {
            throw new ArgumentException($"A wizard draft holds at most {WizardDraft.MaxContentLength} characters; this one has {json.Length}.", nameof(content));
        }

        // Read and written in the owner's turn (PostgreSQL: an advisory lock), so two saves at once never both insert.
        using var turn = await writes.EnterAsync(ct).ConfigureAwait(false);
        await using var db = await dbFactory.CreateDbContextAsync(ct).ConfigureAwait(false);
        await using var transaction = await db.Database.BeginTransactionAsync(ct).ConfigureAwait(false);
        await concurrency.SerializeAsync(db, "draft:" + ownerId, ct).ConfigureAwait(false);
        var now = time.GetUtcNow();
        var draft = await db.WizardDrafts.FirstOrDefaultAsync(d => d.OwnerId == ownerId, ct).ConfigureAwait(false);
        if (draft is null)
        {
            db.WizardDrafts.Add(new WizardDraft(Guid.CreateVersion7(now), ownerId, json, now));
        }
        else
        {
            draft.Replace(json, now);
        }

        await db.SaveChangesAsync(ct).ConfigureAwait(false);
        await transaction.CommitAsync(ct).ConfigureAwait(false);
    }

    /// <summary>Discards the owner's draft, if any.</summary>
    public async Task DiscardAsync(string ownerId, CancellationToken ct)
    {
        ArgumentException.ThrowIfNullOrEmpty(ownerId);
        using var turn = await writes.EnterAsync(ct).ConfigureAwait(false);
        await using var db = await dbFactory.CreateDbContextAsync(ct).ConfigureAwait(false);
        await db.WizardDrafts.Where(d => d.OwnerId == ownerId).ExecuteDeleteAsync(ct).ConfigureAwait(false);
    }
}
