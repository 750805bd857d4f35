using MailKit.Net.Smtp;
using MailKit.Security;
using Microsoft.Extensions.Options;
using MimeKit;

namespace Studio.Core.Notifications;

/// <summary>Sends notification e-mails with MailKit over the SMTP server in <see cref="SmtpOptions"/>; one connection per e-mail.</summary>
public sealed class MailKitNotificationMailer(IOptions<NotificationOptions> options) : INotificationMailer
{
    private SmtpOptions Smtp => options.Value.Smtp;

    /// <inheritdoc />
    public bool IsConfigured => Smtp.IsConfigured;

    /// <inheritdoc />
    public async Task SendAsync(NotificationMail mail, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(mail);
        if (!IsConfigured)
        {
            throw new InvalidOperationException("No SMTP server is configured (Studio:Notifications:Smtp:Host).");
        }

        using var message = new MimeMessage();
        message.From.Add(MailboxAddress.Parse(Smtp.From));
        message.To.Add(MailboxAddress.Parse(mail.To));
        message.Subject = mail.Subject;
        message.Body = new TextPart("plain") { Text = mail.TextBody };

        using var client = new SmtpClient();
        await client.ConnectAsync(Smtp.Host, Smtp.Port, Security(Smtp.Security), ct).ConfigureAwait(false);
        if (!string.IsNullOrEmpty(Smtp.User))
        {
            await client.AuthenticateAsync(Smtp.User, Smtp.Password, ct).ConfigureAwait(false);
        }

        await client.SendAsync(message, ct).ConfigureAwait(false);
        await client.DisconnectAsync(quit: true, ct).ConfigureAwait(false);
    }

    private static SecureSocketOptions Security(SmtpSecurity security) => security switch
    {
        SmtpSecurity.None => SecureSocketOptions.None,
        SmtpSecurity.StartTls => SecureSocketOptions.StartTls,
        SmtpSecurity.SslOnConnect => SecureSocketOptions.SslOnConnect,
        _ => SecureSocketOptions.Auto,
    };
}
