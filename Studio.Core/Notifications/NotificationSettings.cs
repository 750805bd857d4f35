using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Studio.Core.Common;
using Studio.Core.Persistence;

namespace Studio.Core.Notifications;

/// <summary>
/// A user's notification choices (e-mail on/off and its language, webhook URL and secret), a test message for the
/// webhook, and the last deliveries with their outcome. Each user reads and changes only their own.
/// </summary>
/// <remarks>
/// The e-mails' language starts as the language of the page the user first saved a setting from: these methods are
/// called from that page, so the caller's UI culture is that page's language. It is read only then; after that only
/// <see cref="SetEmailLanguageAsync"/> changes it.
/// </remarks>
public sealed class NotificationSettings(
    IDbContextFactory<StudioDbContext> dbFactory,
    DatabaseWriteGate writes,
    IDatabaseConcurrency concurrency,
    INotificationMailer mailer,
    NotificationSignal signal,
    TimeProvider time,
    IStringLocalizer<StoredText> words)
{
    /// <summary>How many deliveries Settings lists. Default 10.</summary>
    public const int RecentSize = 10;

    /// <summary>The user's settings (defaults when never changed).</summary>
    public async Task<NotificationSettingsView> GetAsync(string userId, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct).ConfigureAwait(false);
        var choice = await db.NotificationPreferences.AsNoTracking().FirstOrDefaultAsync(p => p.UserId == userId, ct).ConfigureAwait(false);
        return new NotificationSettingsView(
            choice?.EmailEnabled ?? true,
            mailer.IsConfigured,
            choice?.WebhookUrl,
            choice?.WebhookSecret is { Length: > 4 } secret ? secret[^4..] : null,
            choice?.EmailLanguage ?? EmailLanguages.Of(CultureInfo.CurrentUICulture));
    }

    /// <summary>Sets the language of the user's e-mails ("en" or "fr"; anything else is English).</summary>
    public Task SetEmailLanguageAsync(string userId, string language, CancellationToken ct) =>
        ChangeAsync(userId, p => p.SetEmailLanguage(language), ct);

    /// <summary>Turns e-mails on or off.</summary>
    public Task SetEmailAsync(string userId, bool enabled, CancellationToken ct) =>
        ChangeAsync(userId, p => p.SetEmail(enabled), ct);

    /// <summary>Sets the webhook URL (null or blank removes it); returns what is wrong with it, and then changes nothing.</summary>
    public async Task<WebhookUrlProblem> SetWebhookUrlAsync(string userId, string? url, CancellationToken ct)
    {
        var cleaned = string.IsNullOrWhiteSpace(url) ? null : url.Trim();
        var problem = cleaned is null ? WebhookUrlProblem.None : WebhookUrls.Check(cleaned);
        if (problem == WebhookUrlProblem.None)
        {
            await ChangeAsync(userId, p => p.SetWebhookUrl(cleaned), ct).ConfigureAwait(false);
        }

        return problem;
    }

    /// <summary>Makes a new signing secret, replacing the old one; the only time it is returned.</summary>
    public async Task<string> GenerateSecretAsync(string userId, CancellationToken ct)
    {
        var secret = WebhookSignature.NewSecret();
        await ChangeAsync(userId, p => p.SetWebhookSecret(secret), ct).ConfigureAwait(false);
        return secret;
    }

    /// <summary>Queues a <c>test</c> POST to the user's webhook; false when no webhook URL is set.</summary>
    public async Task<bool> SendTestAsync(string userId, CancellationToken ct)
    {
        var now = time.GetUtcNow();
        using (await writes.EnterAsync(ct).ConfigureAwait(false))
        {
            await using var db = await dbFactory.CreateDbContextAsync(ct).ConfigureAwait(false);
            var url = await db.NotificationPreferences.Where(p => p.UserId == userId).Select(p => p.WebhookUrl).FirstOrDefaultAsync(ct).ConfigureAwait(false);
            if (url is null)
            {
                return false;
            }

            db.NotificationDeliveries.Add(new NotificationDelivery(
                Guid.CreateVersion7(now), userId, null, DeliveryChannel.Webhook, NotificationMessages.Test, url, "Studio webhook test",
                NotificationMessages.TestBody(now), now));
            await db.SaveChangesAsync(ct).ConfigureAwait(false);
        }

        signal.Notify();
        return true;
    }

    /// <summary>The user's newest deliveries, newest first.</summary>
    public async Task<IReadOnlyList<DeliverySummary>> RecentDeliveriesAsync(string userId, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct).ConfigureAwait(false);
        var recent = await db.NotificationDeliveries.AsNoTracking()
            .Where(d => d.UserId == userId)
            .OrderByDescending(d => d.CreatedAt)
            .Take(RecentSize)
            .ToListAsync(ct).ConfigureAwait(false);

        // Why an attempt failed is worded in the reader's language (the receiver's own words as written).
        return [.. recent.Select(d => new DeliverySummary(
            d.Id, d.Channel, d.EventName, d.Subject, d.State, d.Attempts, d.CreatedAt, d.LastAttemptAt, d.NextAttemptAt, StoredText.Show(d.LastErrorText, d.LastError, words)))];
    }

    private async Task ChangeAsync(string userId, Action<NotificationPreferences> change, CancellationToken ct)
    {
        // Read and written in the user's turn (PostgreSQL: an advisory lock), so two changes at once never both insert.
        using var turn = await writes.EnterAsync(ct).ConfigureAwait(false);
        await using var db = await dbFactory.CreateDbContextAsync(ct).ConfigureAwait(false);
        await using var transaction = await db.Database.BeginTransactionAsync(ct).ConfigureAwait(false);
        await concurrency.SerializeAsync(db, "notify:" + userId, ct).ConfigureAwait(false);
        var choice = await db.NotificationPreferences.FirstOrDefaultAsync(p => p.UserId == userId, ct).ConfigureAwait(false);
        if (choice is null)
        {
            choice = new NotificationPreferences(userId, EmailLanguages.Of(CultureInfo.CurrentUICulture));
            db.NotificationPreferences.Add(choice);
        }

        change(choice);
        await db.SaveChangesAsync(ct).ConfigureAwait(false);
        await transaction.CommitAsync(ct).ConfigureAwait(false);
    }
}
