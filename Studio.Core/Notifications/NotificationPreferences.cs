namespace Studio.Core.Notifications;

/// <summary>
/// A user's choices for notifications leaving Studio: e-mail on or off (on unless turned off), the language of those
/// e-mails, and a webhook URL with its signing secret. A user without a row has the defaults: e-mail on, in English
/// (until the first save, which takes the language of the page they saved from), no webhook.
/// </summary>
public sealed class NotificationPreferences
{
    /// <summary>Longest webhook URL accepted.</summary>
    public const int MaxUrlLength = 2048;

    private NotificationPreferences()
    {
        UserId = string.Empty;
    }

    internal NotificationPreferences(string userId, string emailLanguage)
    {
        UserId = userId;
        EmailEnabled = true;
        EmailLanguage = EmailLanguages.Normalize(emailLanguage);
    }

    /// <summary>The user.</summary>
    public string UserId { get; private set; }

    /// <summary>Whether job outcomes are e-mailed (when the server has SMTP configured). Default true.</summary>
    public bool EmailEnabled { get; private set; }

    /// <summary>The language of the e-mails ("en" or "fr", see <see cref="EmailLanguages"/>). Default "en".</summary>
    public string EmailLanguage { get; private set; } = EmailLanguages.English;

    /// <summary>Where job outcomes are POSTed; null for no webhook.</summary>
    public string? WebhookUrl { get; private set; }

    /// <summary>The HMAC-SHA256 key that signs webhook bodies; null until generated.</summary>
    public string? WebhookSecret { get; private set; }

    internal void SetEmail(bool enabled) => EmailEnabled = enabled;

    internal void SetEmailLanguage(string language) => EmailLanguage = EmailLanguages.Normalize(language);

    internal void SetWebhookUrl(string? url) => WebhookUrl = url;

    internal void SetWebhookSecret(string secret) => WebhookSecret = secret;
}
