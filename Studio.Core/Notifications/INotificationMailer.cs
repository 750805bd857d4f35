namespace Studio.Core.Notifications;

/// <summary>The e-mail seam: sends one message or throws saying why it could not.</summary>
public interface INotificationMailer
{
    /// <summary>Whether e-mail can be sent at all (an SMTP server is configured).</summary>
    bool IsConfigured { get; }

    /// <summary>Sends <paramref name="mail"/>; throws when the server refuses it or cannot be reached.</summary>
    Task SendAsync(NotificationMail mail, CancellationToken ct);
}
