using System.Net.Sockets;
using MailKit.Net.Smtp;
using MailKit.Security;
using Studio.Core.Common;

namespace Studio.Core.Notifications;

/// <summary>
/// Why a delivery attempt failed, as a stored sentence of ours (worded in the reader's language on the settings page)
/// around the mail server's or the receiver's own words, which stay as written.
/// </summary>
public static class DeliveryFailures
{
    /// <summary>The reason to store for <paramref name="failure"/>, thrown while sending on <paramref name="channel"/>.</summary>
    public static StoredText Reason(DeliveryChannel channel, Exception failure)
    {
        ArgumentNullException.ThrowIfNull(failure);
        var said = failure.Message;
        return channel == DeliveryChannel.Email
            ? failure switch
            {
                SmtpCommandException => StoredText.Of("The mail server refused the e-mail: {0}", said),
                AuthenticationException => StoredText.Of("The mail server refused Studio's sign-in (Studio:Notifications:Smtp:User): {0}", said),
                SocketException or IOException or SslHandshakeException or SmtpProtocolException => StoredText.Of("The mail server could not be reached: {0}", said),
                _ => StoredText.Of("The e-mail could not be sent: {0}", said),
            }
            : failure switch
            {
                // The status and its reason phrase, as the receiver sent them ("500 Internal Server Error").
                WebhookException => StoredText.Of("The webhook answered HTTP {0}.", said),
                HttpRequestException => StoredText.Of("The webhook could not be reached: {0}", said),
                _ => StoredText.Of("The webhook could not be called: {0}", said),
            };
    }
}
