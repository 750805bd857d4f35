namespace Studio.Core.Notifications;

/// <summary>A delivery as Settings lists it ("last delivery: failed, 500 …").</summary>
/// <param name="Id">Identifier.</param>
/// <param name="Channel">E-mail or webhook.</param>
/// <param name="EventName">The event it tells of.</param>
/// <param name="Subject">The job's title (or the e-mail's subject).</param>
/// <param name="State">Pending, sent or failed.</param>
/// <param name="Attempts">Attempts made.</param>
/// <param name="CreatedAt">When it was planned.</param>
/// <param name="LastAttemptAt">When it was last tried.</param>
/// <param name="NextAttemptAt">When it is tried next, while pending.</param>
/// <param name="LastError">Why the last attempt failed.</param>
public sealed record DeliverySummary(
    Guid Id,
    DeliveryChannel Channel,
    string EventName,
    string Subject,
    DeliveryState State,
    int Attempts,
    DateTimeOffset CreatedAt,
    DateTimeOffset? LastAttemptAt,
    DateTimeOffset? NextAttemptAt,
    string? LastError);
