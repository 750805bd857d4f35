using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Studio.Core.Common;
using Studio.Core.Persistence;

namespace Studio.Core.Notifications;

/// <summary>A user's in-app notifications: what the bell counts and lists, and marking them read. Only the user's own.</summary>
public sealed class NotificationCenter(IDbContextFactory<StudioDbContext> dbFactory, DatabaseWriteGate writes, TimeProvider time, IStringLocalizer<StoredText> words)
{
    /// <summary>How many the bell lists. Default 20.</summary>
    public const int ListSize = 20;

    /// <summary>The unread count and the newest <see cref="ListSize"/> notifications of the user.</summary>
    public async Task<NotificationInbox> InboxAsync(string userId, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct).ConfigureAwait(false);
        var unread = await db.Notifications.CountAsync(n => n.UserId == userId && n.ReadAt == null, ct).ConfigureAwait(false);
        var latest = await db.Notifications.AsNoTracking()
            .Where(n => n.UserId == userId)
            .OrderByDescending(n => n.CreatedAt)
            .Take(ListSize)
            .Select(n => new { n.Id, n.JobId, n.JobTitle, n.Outcome, n.Error, n.ErrorText, n.CreatedAt, Read = n.ReadAt != null })
            .ToListAsync(ct).ConfigureAwait(false);

        // Why a job failed is worded in the reader's language (as stored on rows older than the worded reasons).
        return new NotificationInbox(unread, [.. latest.Select(n => new NotificationSummary(
            n.Id, n.JobId, n.JobTitle, n.Outcome, StoredText.Show(n.ErrorText, n.Error, words), n.CreatedAt, n.Read))]);
    }

    /// <summary>Marks every unread notification of the user read; returns how many.</summary>
    public async Task<int> MarkAllReadAsync(string userId, CancellationToken ct)
    {
        var now = time.GetUtcNow();
        using var turn = await writes.EnterAsync(ct).ConfigureAwait(false);
        await using var db = await dbFactory.CreateDbContextAsync(ct).ConfigureAwait(false);
        return await db.Notifications
            .Where(n => n.UserId == userId && n.ReadAt == null)
            .ExecuteUpdateAsync(set => set.SetProperty(n => n.ReadAt, now), ct).ConfigureAwait(false);
    }

    /// <summary>Marks one of the user's notifications read; false when the user has no such notification.</summary>
    public async Task<bool> MarkReadAsync(string userId, Guid notificationId, CancellationToken ct)
    {
        using var turn = await writes.EnterAsync(ct).ConfigureAwait(false);
        await using var db = await dbFactory.CreateDbContextAsync(ct).ConfigureAwait(false);
        var notification = await db.Notifications.FirstOrDefaultAsync(n => n.Id == notificationId && n.UserId == userId, ct).ConfigureAwait(false);
        if (notification is null)
        {
            return false;
        }

        notification.MarkRead(time.GetUtcNow());
        await db.SaveChangesAsync(ct).ConfigureAwait(false);
        return true;
    }
}
