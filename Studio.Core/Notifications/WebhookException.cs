namespace Studio.Core.Notifications;

/// <summary>A webhook receiver answered with a status other than 2xx.</summary>
public sealed class WebhookException : Exception
{
    /// <summary>Creates one.</summary>
    public WebhookException()
    {
    }

    /// <summary>Creates one with a message.</summary>
    public WebhookException(string message)
        : base(message)
    {
    }

    /// <summary>Creates one with a message and its cause.</summary>
    public WebhookException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
