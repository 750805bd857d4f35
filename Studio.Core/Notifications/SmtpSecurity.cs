namespace Studio.Core.Notifications;

/// <summary>How the SMTP connection is secured.</summary>
public enum SmtpSecurity
{
    /// <summary>TLS on connect for port 465, STARTTLS when the server offers it otherwise (MailKit's "auto").</summary>
    Auto,

    /// <summary>No TLS at all (a relay on the same host or network only).</summary>
    None,

    /// <summary>Plain connect, then STARTTLS, which the server must offer.</summary>
    StartTls,

    /// <summary>TLS from the first byte (usually port 465).</summary>
    SslOnConnect,
}
