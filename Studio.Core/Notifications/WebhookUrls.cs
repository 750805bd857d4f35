namespace Studio.Core.Notifications;

/// <summary>The rule for webhook URLs: absolute http(s), no credentials, at most 2,048 characters.</summary>
public static class WebhookUrls
{
    /// <summary>What is wrong with <paramref name="url"/> (already trimmed and not empty).</summary>
    public static WebhookUrlProblem Check(string url)
    {
        ArgumentNullException.ThrowIfNull(url);
        if (url.Length > NotificationPreferences.MaxUrlLength)
        {
            return WebhookUrlProblem.TooLong;
        }

        if (!Uri.TryCreate(url, UriKind.Absolute, out var uri) || string.IsNullOrEmpty(uri.Host))
        {
            return WebhookUrlProblem.NotAbsolute;
        }

        if (uri.Scheme != Uri.UriSchemeHttps && uri.Scheme != Uri.UriSchemeHttp)
        {
            return WebhookUrlProblem.WrongScheme;
        }

        return uri.UserInfo.Length > 0 ? WebhookUrlProblem.HasCredentials : WebhookUrlProblem.None;
    }
}
