using System.Globalization;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;
using Studio.Core.Common;
using Studio.Core.Jobs;

namespace Studio.Core.Notifications;

/// <summary>
/// Writes what a notification says by e-mail and webhook. E-mails are written in the language their recipient chose
/// in Settings (<see cref="NotificationPreferences.EmailLanguage"/>), passed in explicitly: they are composed on the
/// notification worker, whose thread has no user and so no UI culture of its own. French comes from
/// <c>Studio.Core/Resources/Notifications/NotificationMessages.fr.resx</c>. Webhook bodies are machine-readable and
/// language-neutral (see the README).
/// </summary>
public sealed class NotificationMessages(IOptions<StudioOptions> studio, IStringLocalizer<NotificationMessages> localizer, IStringLocalizer<StoredText> words)
{
    /// <summary>Event name of a completed job.</summary>
    public const string Completed = "job.completed";

    /// <summary>Event name of a failed job.</summary>
    public const string Failed = "job.failed";

    /// <summary>Event name of a test message.</summary>
    public const string Test = "test";

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    /// <summary>The event name for a notification.</summary>
    public static string EventOf(Notification notification)
    {
        ArgumentNullException.ThrowIfNull(notification);
        return notification.Outcome == JobStatus.Completed ? Completed : Failed;
    }

    /// <summary>The e-mail's subject, in <paramref name="culture"/>'s language.</summary>
    public string Subject(Notification notification, CultureInfo culture)
    {
        ArgumentNullException.ThrowIfNull(notification);
        return In(culture, L => notification.Outcome == JobStatus.Completed
            ? L["Your video \"{0}\" is ready", notification.JobTitle].Value
            : L["Your video \"{0}\" failed", notification.JobTitle].Value);
    }

    /// <summary>The e-mail's text, in <paramref name="culture"/>'s language, its amount in that culture's digits.</summary>
    /// <remarks>Why a job failed is worded in that language too (a provider's own words, and rows older than worded reasons, as stored).</remarks>
    public string MailBody(Notification notification, CultureInfo culture)
    {
        ArgumentNullException.ThrowIfNull(notification);
        var links = LinksFor(notification);
        return In(culture, L =>
        {
            var text = new StringBuilder();
            text.AppendLine(notification.Outcome == JobStatus.Completed
                ? L["Your video \"{0}\" is ready.", notification.JobTitle]
                : L["Your video \"{0}\" could not be made.", notification.JobTitle]);
            if (StoredText.Show(notification.ErrorText, notification.Error, words) is { } error)
            {
                text.AppendLine().AppendLine(L["Why: {0}", error]);
            }

            text.AppendLine().AppendLine(L["Cost: {0} USD", notification.CostUsd.ToString("0.00", culture)]);
            text.AppendLine().AppendLine(L["Open it: {0}", links.Job]);
            text.AppendLine().AppendLine(L["You receive this because e-mail notifications are on in your Studio settings."]);
            return text.ToString();
        });
    }

    /// <summary>The webhook's JSON body for a notification.</summary>
    public string WebhookBody(Notification notification)
    {
        ArgumentNullException.ThrowIfNull(notification);
        var payload = new WebhookPayload(
            EventOf(notification),
            notification.JobId,
            notification.JobTitle,
            notification.Outcome.ToString(),
            notification.Error,
            notification.CostUsd,
            notification.CreatedAt,
            LinksFor(notification));
        return JsonSerializer.Serialize(payload, Json);
    }

    /// <summary>The webhook's JSON body for a test.</summary>
    public static string TestBody(DateTimeOffset now) =>
        JsonSerializer.Serialize(new WebhookPayload(Test, null, "Studio webhook test", null, null, null, now, null), Json);

    private WebhookLinks LinksFor(Notification notification)
    {
        var job = Link($"jobs/{notification.JobId}");
        return notification.Outcome == JobStatus.Completed
            ? new WebhookLinks(job, Link($"api/jobs/{notification.JobId}/video"), Link($"api/jobs/{notification.JobId}/poster"))
            : new WebhookLinks(job, null, null);
    }

    private string Link(string path)
    {
        var root = studio.Value.PublicBaseUrl;
        return string.IsNullOrWhiteSpace(root) ? "/" + path : root.TrimEnd('/') + "/" + path;
    }

    /// <summary>
    /// Composes in <paramref name="culture"/>: the resource manager reads the UI culture of the thread, so it is set for
    /// the composition only and put back after (the worker's thread goes on in its own).
    /// </summary>
    private string In(CultureInfo culture, Func<IStringLocalizer, string> compose)
    {
        ArgumentNullException.ThrowIfNull(culture);
        var before = CultureInfo.CurrentUICulture;
        try
        {
            CultureInfo.CurrentUICulture = culture;
            return compose(localizer);
        }
        finally
        {
            CultureInfo.CurrentUICulture = before;
        }
    }
}
