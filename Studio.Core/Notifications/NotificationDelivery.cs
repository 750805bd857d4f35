using Studio.Core.Common;

namespace Studio.Core.Notifications;

/// <summary>
/// One message to send (an outbox row): its channel, target and content are fixed when it is planned, so that each
/// attempt sends the same thing. The notification worker sends it, retries with backoff and gives up after a number of
/// attempts, keeping the last error for the Settings page. The job never waits on it.
/// </summary>
public sealed class NotificationDelivery
{
    /// <summary>Longest target (an e-mail address or URL).</summary>
    public const int MaxTargetLength = 2048;

    /// <summary>Longest error kept.</summary>
    public const int MaxErrorLength = 500;

    private NotificationDelivery()
    {
        UserId = Target = Subject = Body = EventName = string.Empty;
    }

    internal NotificationDelivery(Guid id, string userId, Guid? notificationId, DeliveryChannel channel, string eventName, string target, string subject, string body, DateTimeOffset now)
    {
        Id = id;
        UserId = userId;
        NotificationId = notificationId;
        Channel = channel;
        EventName = eventName;
        Target = target;
        Subject = subject;
        Body = body;
        State = DeliveryState.Pending;
        CreatedAt = now;
        NextAttemptAt = now;
    }

    /// <summary>Identifier (also sent as the webhook's delivery id, for the receiver to drop repeats).</summary>
    public Guid Id { get; private set; }

    /// <summary>The user it is for.</summary>
    public string UserId { get; private set; }

    /// <summary>The notification it tells of; null for a test message.</summary>
    public Guid? NotificationId { get; private set; }

    /// <summary>E-mail or webhook.</summary>
    public DeliveryChannel Channel { get; private set; }

    /// <summary>The event: <c>job.completed</c>, <c>job.failed</c> or <c>test</c>.</summary>
    public string EventName { get; private set; }

    /// <summary>The e-mail address or the webhook URL.</summary>
    public string Target { get; private set; }

    /// <summary>The e-mail's subject (for a webhook: the job's title).</summary>
    public string Subject { get; private set; }

    /// <summary>The e-mail's text or the webhook's JSON body (signed as is).</summary>
    public string Body { get; private set; }

    /// <summary>Pending, sent or failed.</summary>
    public DeliveryState State { get; private set; }

    /// <summary>How many attempts were made.</summary>
    public int Attempts { get; private set; }

    /// <summary>When it was planned.</summary>
    public DateTimeOffset CreatedAt { get; private set; }

    /// <summary>When the next attempt is due; null once sent or given up.</summary>
    public DateTimeOffset? NextAttemptAt { get; private set; }

    /// <summary>When the last attempt was made.</summary>
    public DateTimeOffset? LastAttemptAt { get; private set; }

    /// <summary>Why the last attempt failed; null after a success.</summary>
    public string? LastError { get; private set; }

    /// <summary>
    /// <see cref="LastError"/> as a <see cref="StoredText"/> in JSON, worded in the reader's language when listed; null after
    /// a success, when the error is the receiver's or the network's own words, or on rows older than it.
    /// </summary>
    public string? LastErrorText { get; private set; }

    /// <summary>The outbox worker sending it right now; null when no attempt is under way.</summary>
    public string? ClaimedBy { get; private set; }

    /// <summary>Until when <see cref="ClaimedBy"/> holds it; after that (a worker that died mid-send) another may take it.</summary>
    public DateTimeOffset? LeaseUntil { get; private set; }

    /// <summary>The attempt worked.</summary>
    internal void Succeeded(DateTimeOffset now)
    {
        Attempts++;
        State = DeliveryState.Sent;
        LastAttemptAt = now;
        LastError = null;
        LastErrorText = null;
        NextAttemptAt = null;
        ClaimedBy = null;
        LeaseUntil = null;
    }

    /// <summary>The attempt failed: try again at <paramref name="retryAt"/>, or give up when it is null.</summary>
    internal void AttemptFailed(StoredText error, DateTimeOffset now, DateTimeOffset? retryAt)
    {
        var english = error.English;
        Attempts++;
        LastAttemptAt = now;
        LastError = english.Length > MaxErrorLength ? english[..MaxErrorLength] : english;
        LastErrorText = error.ToJson();
        NextAttemptAt = retryAt;
        State = retryAt is null ? DeliveryState.Failed : DeliveryState.Pending;
        ClaimedBy = null;
        LeaseUntil = null;
    }
}
