namespace Studio.Core.Notifications;

/// <summary>An e-mail to send.</summary>
/// <param name="To">The recipient's address.</param>
/// <param name="Subject">Subject line.</param>
/// <param name="TextBody">Plain text body.</param>
public sealed record NotificationMail(string To, string Subject, string TextBody);
