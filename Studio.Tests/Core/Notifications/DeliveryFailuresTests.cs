using System.Net.Sockets;
using Studio.Core.Notifications;
using Studio.Tests.Builders;

namespace Studio.Tests.Core.Notifications;

/// <summary>A failed send is stored as our sentence for what failed, the system's own words kept as written inside it.</summary>
public sealed class DeliveryFailuresTests
{
    [Fact]
    public void Reason_WebhookUnreachable_SaysSo_InEnglishAndFrench()
    {
        var reason = DeliveryFailures.Reason(DeliveryChannel.Webhook, new HttpRequestException("Connection refused (127.0.0.1:9)"));

        reason.English.Should().Be("The webhook could not be reached: Connection refused (127.0.0.1:9)");
        CoreLocalizers.InCulture("fr-FR", () => reason.Word(CoreLocalizers.StoredWords)).Should().Be("Le webhook est injoignable : Connection refused (127.0.0.1:9)");
    }

    [Fact]
    public void Reason_MailServerUnreachable_SaysSo()
    {
        var reason = DeliveryFailures.Reason(DeliveryChannel.Email, new SocketException((int)SocketError.ConnectionRefused));

        reason.Template.Should().Be("The mail server could not be reached: {0}");
        CoreLocalizers.InCulture("fr-FR", () => reason.Word(CoreLocalizers.StoredWords)).Should().StartWith("Le serveur de messagerie est injoignable : ");
    }

    [Fact]
    public void Reason_AnythingElse_IsStillOurSentenceAroundTheWordsAsWritten()
    {
        var reason = DeliveryFailures.Reason(DeliveryChannel.Email, new InvalidOperationException("421 4.3.0 Try again later"));

        reason.English.Should().Be("The e-mail could not be sent: 421 4.3.0 Try again later");
        CoreLocalizers.InCulture("fr-FR", () => reason.Word(CoreLocalizers.StoredWords)).Should().Be("L’e-mail n’a pas pu être envoyé : 421 4.3.0 Try again later");
    }

}
