namespace Studio.Core.Notifications;

/// <summary>How a notification leaves Studio.</summary>
public enum DeliveryChannel
{
    /// <summary>An e-mail to the job's owner over the configured SMTP server.</summary>
    Email,

    /// <summary>A signed JSON POST to the owner's webhook URL.</summary>
    Webhook,
}
