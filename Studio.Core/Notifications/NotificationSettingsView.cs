namespace Studio.Core.Notifications;

/// <summary>A user's notification settings as the Settings page shows them; the secret itself is never read back.</summary>
/// <param name="EmailEnabled">Whether the user wants e-mails.</param>
/// <param name="EmailAvailable">Whether this server can send e-mail (SMTP configured).</param>
/// <param name="WebhookUrl">The webhook URL, or null.</param>
/// <param name="SecretHint">The secret's last four characters, or null when none was generated.</param>
/// <param name="EmailLanguage">The e-mails' language ("en" or "fr"); before the first save, the one the first save would keep.</param>
public sealed record NotificationSettingsView(bool EmailEnabled, bool EmailAvailable, string? WebhookUrl, string? SecretHint, string EmailLanguage = EmailLanguages.English);
