using System.Globalization;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.Options;
using Studio.Core.Jobs;

namespace Studio.Core.Notifications;

/// <summary>
/// Writes what a notification says by e-mail and webhook. English only: Core has no localization, and the job's owner
/// language is not known outside a browser.
/// </summary>
public sealed class NotificationMessages(IOptions<StudioOptions> studio)
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

    /// <summary>The e-mail's subject.</summary>
    public static string Subject(Notification notification)
    {
        ArgumentNullException.ThrowIfNull(notification);
        return notification.Outcome == JobStatus.Completed
            ? $"Your video \"{notification.JobTitle}\" is ready"
            : $"Your video \"{notification.JobTitle}\" failed";
    }

    /// <summary>The e-mail's text.</summary>
    public string MailBody(Notification notification)
    {
        ArgumentNullException.ThrowIfNull(notification);
        var links = LinksFor(notification);
        var text = new StringBuilder();
        text.AppendLine(notification.Outcome == JobStatus.Completed
            ? $"Your video \"{notification.JobTitle}\" is ready."
            : $"Your video \"{notification.JobTitle}\" could not be made.");
        if (notification.Error is { } error)
        {
            text.AppendLine().Append("Why: ").AppendLine(error);
        }

        text.AppendLine().AppendLine(string.Create(CultureInfo.InvariantCulture, $"Cost: {notification.CostUsd:0.00} USD"));
        text.AppendLine().Append("Open it: ").AppendLine(links.Job);
        text.AppendLine().AppendLine("You receive this because e-mail notifications are on in your Studio settings.");
        return text.ToString();
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
}
