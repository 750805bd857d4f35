namespace Studio.Core.Notifications;

/// <summary>What is wrong with a webhook URL (the page words it in the user's language).</summary>
public enum WebhookUrlProblem
{
    /// <summary>Nothing: it can be used.</summary>
    None,

    /// <summary>Not an absolute URL.</summary>
    NotAbsolute,

    /// <summary>Neither http nor https.</summary>
    WrongScheme,

    /// <summary>Longer than <see cref="NotificationPreferences.MaxUrlLength"/>.</summary>
    TooLong,

    /// <summary>Carries a user name or password (they would be stored and shown in clear).</summary>
    HasCredentials,
}
