using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Studio.Core.Common;
using Studio.Core.Persistence;

namespace Studio.Core.Notifications;

/// <summary>
/// The notification outbox: turns new notifications into deliveries (an e-mail when SMTP is configured and the owner
/// has not turned it off, a webhook when the owner set one) and sends the deliveries that are due, with backoff
/// (<see cref="NotificationOptions.RetryDelay"/>) and a last attempt after which it gives up. Runs on the notification
/// worker, never on a job's path: a slow or broken receiver delays only its own messages.
/// Several processes may run it over one database: a notification is planned by one of them only (its batch is marked
/// planned by a conditional update in the planning transaction), and a delivery is sent by the one worker that claimed
/// it (claimed-by and lease-until set by a conditional update, as the work queue claims segments). A worker that dies
/// mid-send leaves a lease that runs out, and the delivery is tried again: at least once, never twice at the same time.
/// </summary>
public sealed partial class NotificationOutbox(
    IDbContextFactory<StudioDbContext> dbFactory,
    DatabaseWriteGate writes,
    INotificationMailer mailer,
    IWebhookSender webhooks,
    NotificationMessages messages,
    IOptions<NotificationOptions> options,
    TimeProvider time,
    ILogger<NotificationOutbox> logger)
{
    private const int Batch = 50;

    // A claim outlives the longest attempt by this much before another worker may take the delivery over.
    private static readonly TimeSpan LeaseMargin = TimeSpan.FromMinutes(1);

    private readonly string _worker = $"outbox/{Environment.MachineName[..Math.Min(40, Environment.MachineName.Length)]}/{Environment.ProcessId}/{Guid.NewGuid():N}";

    /// <summary>Plans and sends what is due now; returns how many deliveries were attempted.</summary>
    public async Task<int> RunOnceAsync(CancellationToken ct)
    {
        await PlanAsync(ct).ConfigureAwait(false);
        return await SendDueAsync(ct).ConfigureAwait(false);
    }

    /// <summary>Puts the deliveries of notifications not yet planned into the outbox (each notification once, in one save).</summary>
    public async Task<int> PlanAsync(CancellationToken ct)
    {
        using var turn = await writes.EnterAsync(ct).ConfigureAwait(false);
        await using var db = await dbFactory.CreateDbContextAsync(ct).ConfigureAwait(false);
        await using var transaction = await db.Database.BeginTransactionAsync(ct).ConfigureAwait(false);
        var fresh = await db.Notifications.AsNoTracking().Where(n => !n.DeliveriesPlanned).OrderBy(n => n.CreatedAt).Take(Batch).ToListAsync(ct).ConfigureAwait(false);
        if (fresh.Count == 0)
        {
            return 0;
        }

        // Marked first, only where still unplanned: another process planning the same batch meanwhile makes the count
        // fall short, and this one plans nothing (its transaction rolls back; the next round reads afresh).
        var ids = fresh.Select(n => n.Id).ToList();
        var marked = await db.Notifications.Where(n => ids.Contains(n.Id) && !n.DeliveriesPlanned)
            .ExecuteUpdateAsync(u => u.SetProperty(n => n.DeliveriesPlanned, true), ct).ConfigureAwait(false);
        if (marked != fresh.Count)
        {
            return 0;
        }

        var users = fresh.Select(n => n.UserId).Distinct().ToList();
        var preferences = await db.NotificationPreferences.AsNoTracking().Where(p => users.Contains(p.UserId)).ToDictionaryAsync(p => p.UserId, ct).ConfigureAwait(false);
        var emails = await db.Users.AsNoTracking().Where(u => users.Contains(u.Id)).Select(u => new { u.Id, u.Email }).ToDictionaryAsync(u => u.Id, u => u.Email, ct).ConfigureAwait(false);
        var now = time.GetUtcNow();
        var planned = 0;
        foreach (var notification in fresh)
        {
            var choice = preferences.GetValueOrDefault(notification.UserId);
            if (mailer.IsConfigured && (choice?.EmailEnabled ?? true) && emails.GetValueOrDefault(notification.UserId) is { Length: > 0 } address)
            {
                // Written now, in the owner's language (English for a user who never saved a setting); retries resend these words.
                var culture = EmailLanguages.CultureOf(choice?.EmailLanguage);
                db.NotificationDeliveries.Add(new NotificationDelivery(
                    Guid.CreateVersion7(now), notification.UserId, notification.Id, DeliveryChannel.Email, NotificationMessages.EventOf(notification),
                    address, messages.Subject(notification, culture), messages.MailBody(notification, culture), now));
                planned++;
            }

            if (choice?.WebhookUrl is { } url)
            {
                db.NotificationDeliveries.Add(new NotificationDelivery(
                    Guid.CreateVersion7(now), notification.UserId, notification.Id, DeliveryChannel.Webhook, NotificationMessages.EventOf(notification),
                    url, notification.JobTitle, messages.WebhookBody(notification), now));
                planned++;
            }
        }

        await db.SaveChangesAsync(ct).ConfigureAwait(false);
        await transaction.CommitAsync(ct).ConfigureAwait(false);
        return planned;
    }

    /// <summary>Attempts every pending delivery whose time has come; returns how many were attempted.</summary>
    public async Task<int> SendDueAsync(CancellationToken ct)
    {
        List<NotificationDelivery> due;
        var now = time.GetUtcNow();
        await using (var db = await dbFactory.CreateDbContextAsync(ct).ConfigureAwait(false))
        {
            due = await db.NotificationDeliveries.AsNoTracking()
                .Where(d => d.State == DeliveryState.Pending && d.NextAttemptAt <= now && (d.LeaseUntil == null || d.LeaseUntil < now))
                .OrderBy(d => d.NextAttemptAt)
                .Take(Batch)
                .ToListAsync(ct).ConfigureAwait(false);
        }

        foreach (var delivery in due)
        {
            await AttemptAsync(delivery.Id, ct).ConfigureAwait(false);
        }

        return due.Count;
    }

    /// <summary>When the next pending delivery is due; null when none is pending.</summary>
    public async Task<DateTimeOffset?> NextDueAsync(CancellationToken ct)
    {
        var now = time.GetUtcNow();
        await using var db = await dbFactory.CreateDbContextAsync(ct).ConfigureAwait(false);
        var pending = db.NotificationDeliveries.AsNoTracking().Where(d => d.State == DeliveryState.Pending);
        var free = await pending.Where(d => d.LeaseUntil == null || d.LeaseUntil < now)
            .OrderBy(d => d.NextAttemptAt).Select(d => d.NextAttemptAt)
            .FirstOrDefaultAsync(ct).ConfigureAwait(false);

        // One being sent by another worker is due again only if its claim runs out (that worker died).
        var held = await pending.Where(d => d.LeaseUntil != null && d.LeaseUntil >= now)
            .OrderBy(d => d.LeaseUntil).Select(d => d.LeaseUntil)
            .FirstOrDefaultAsync(ct).ConfigureAwait(false);
        return free is null ? held : held is null || free < held ? free : held;
    }

    private async Task AttemptAsync(Guid deliveryId, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct).ConfigureAwait(false);
        if (!await ClaimAsync(db, deliveryId, ct).ConfigureAwait(false))
        {
            // Sent meanwhile, or being sent by another worker.
            return;
        }

        var delivery = await db.NotificationDeliveries.FirstOrDefaultAsync(d => d.Id == deliveryId && d.ClaimedBy == _worker, ct).ConfigureAwait(false);
        if (delivery is null)
        {
            return;
        }

        StoredText? error = null;
        try
        {
            using var timeout = new CancellationTokenSource(options.Value.SendTimeout, time);
            using var linked = CancellationTokenSource.CreateLinkedTokenSource(ct, timeout.Token);
            await SendAsync(db, delivery, linked.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
            // Stopping: the row stays pending, its attempt uncounted, and is given back for the next worker at once.
            await ReleaseAsync(deliveryId).ConfigureAwait(false);
            throw;
        }
        catch (OperationCanceledException)
        {
            error = StoredText.Of("No answer within {0} s", Math.Round(options.Value.SendTimeout.TotalSeconds));
        }
#pragma warning disable CA1031 // Whatever the receiver or the network did, it is recorded and retried; the worker goes on.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            error = DeliveryFailures.Reason(delivery.Channel, ex);
        }

        var now = time.GetUtcNow();
        if (error is null)
        {
            delivery.Succeeded(now);
            LogSent(logger, delivery.Id, delivery.Channel, delivery.Attempts);
        }
        else
        {
            var last = delivery.Attempts + 1 >= options.Value.MaxAttempts;
            delivery.AttemptFailed(error, now, last ? null : now + options.Value.RetryDelay(delivery.Attempts + 1));
            LogFailed(logger, delivery.Id, delivery.Channel, delivery.Attempts, last, error.English);
        }

        using var turn = await writes.EnterAsync(CancellationToken.None).ConfigureAwait(false);
        await db.SaveChangesAsync(CancellationToken.None).ConfigureAwait(false);
    }

    /// <summary>Takes a due delivery for this worker, unless another holds an unexpired claim on it; true when taken.</summary>
    private async Task<bool> ClaimAsync(StudioDbContext db, Guid deliveryId, CancellationToken ct)
    {
        var now = time.GetUtcNow();
        var until = now + options.Value.SendTimeout + LeaseMargin;
        using var turn = await writes.EnterAsync(ct).ConfigureAwait(false);
        var rows = await db.NotificationDeliveries
            .Where(d => d.Id == deliveryId && d.State == DeliveryState.Pending && d.NextAttemptAt <= now && (d.LeaseUntil == null || d.LeaseUntil < now))
            .ExecuteUpdateAsync(u => u.SetProperty(d => d.ClaimedBy, _worker).SetProperty(d => d.LeaseUntil, until), ct).ConfigureAwait(false);
        return rows == 1;
    }

    private async Task ReleaseAsync(Guid deliveryId)
    {
        using var turn = await writes.EnterAsync(CancellationToken.None).ConfigureAwait(false);
        await using var db = await dbFactory.CreateDbContextAsync(CancellationToken.None).ConfigureAwait(false);
        await db.NotificationDeliveries.Where(d => d.Id == deliveryId && d.ClaimedBy == _worker)
            .ExecuteUpdateAsync(u => u.SetProperty(d => d.ClaimedBy, (string?)null).SetProperty(d => d.LeaseUntil, (DateTimeOffset?)null), CancellationToken.None)
            .ConfigureAwait(false);
    }

    private async Task SendAsync(StudioDbContext db, NotificationDelivery delivery, CancellationToken ct)
    {
        if (delivery.Channel == DeliveryChannel.Email)
        {
            await mailer.SendAsync(new NotificationMail(delivery.Target, delivery.Subject, delivery.Body), ct).ConfigureAwait(false);
            return;
        }

        // The secret is read at send time: a secret regenerated after a failure signs the retries.
        var secret = await db.NotificationPreferences.AsNoTracking()
            .Where(p => p.UserId == delivery.UserId)
            .Select(p => p.WebhookSecret)
            .FirstOrDefaultAsync(ct).ConfigureAwait(false);
        await webhooks.SendAsync(new WebhookRequest(new Uri(delivery.Target), delivery.Id, delivery.EventName, delivery.Body, secret), ct).ConfigureAwait(false);
    }

    [LoggerMessage(LogLevel.Information, "Notification delivery {DeliveryId} ({Channel}) sent at attempt {Attempt}")]
    private static partial void LogSent(ILogger logger, Guid deliveryId, DeliveryChannel channel, int attempt);

    [LoggerMessage(LogLevel.Warning, "Notification delivery {DeliveryId} ({Channel}) failed at attempt {Attempt} (gave up: {GaveUp}): {Error}")]
    private static partial void LogFailed(ILogger logger, Guid deliveryId, DeliveryChannel channel, int attempt, bool gaveUp, string error);
}
