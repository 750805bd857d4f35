namespace Studio.Core.Notifications;

/// <summary>Where a delivery stands in the outbox.</summary>
public enum DeliveryState
{
    /// <summary>Not sent yet: waiting for its first or next attempt.</summary>
    Pending,

    /// <summary>Sent and accepted by the other side.</summary>
    Sent,

    /// <summary>Given up after the last allowed attempt.</summary>
    Failed,
}
