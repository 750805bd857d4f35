namespace Studio.Core.Notifications;

/// <summary>The SMTP server that sends notification e-mails, under <c>Studio:Notifications:Smtp</c>. No host: no e-mail.</summary>
public sealed class SmtpOptions
{
    /// <summary>Server host name; empty (the default) turns e-mail off.</summary>
    public string Host { get; set; } = string.Empty;

    /// <summary>Server port. Default 587.</summary>
    public int Port { get; set; } = 587;

    /// <summary>The sender address, e.g. <c>Studio &lt;studio@example.com&gt;</c>. Required when a host is set.</summary>
    public string From { get; set; } = string.Empty;

    /// <summary>User name for authentication; empty (the default): no authentication.</summary>
    public string User { get; set; } = string.Empty;

    /// <summary>Password for <see cref="User"/>. Keep it in user secrets or the environment, not in appsettings.json.</summary>
    public string Password { get; set; } = string.Empty;

    /// <summary>TLS mode. Default <see cref="SmtpSecurity.Auto"/>.</summary>
    public SmtpSecurity Security { get; set; } = SmtpSecurity.Auto;

    /// <summary>Whether e-mail is configured (a host is set).</summary>
    public bool IsConfigured => !string.IsNullOrWhiteSpace(Host);
}
