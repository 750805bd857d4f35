using Microsoft.Extensions.Options;
using Studio.Core.Notifications;
using Studio.Tests.Fakes.Smtp;

namespace Studio.Tests.Core.Notifications;

/// <summary>The real MailKit client against an SMTP server on 127.0.0.1, through the outbox.</summary>
public sealed class MailKitNotificationMailerTests : IAsyncLifetime
{
    private readonly FakeSmtpServer _smtp = new();
    private NotificationHarness _harness = null!;

    public async Task InitializeAsync()
    {
        var options = new NotificationOptions
        {
            MaxAttempts = 3,
            Smtp = new SmtpOptions { Host = "127.0.0.1", Port = _smtp.Port, From = "Studio <studio@studio.test>", Security = SmtpSecurity.None },
        };
        _harness = await NotificationHarness.CreateAsync(new MailKitNotificationMailer(Options.Create(options)), o => o.Smtp = options.Smtp);
    }

    public async Task DisposeAsync()
    {
        await _harness.DisposeAsync();
        await _smtp.DisposeAsync();
    }

    [Fact]
    public async Task JobCompletes_OwnerReceivesTheEmail()
    {
        var jobId = await _harness.CreateJobAsync("Spring launch");
        await _harness.Driver.CompleteAsync(jobId);

        await _harness.Outbox.RunOnceAsync(CancellationToken.None);

        var (recipients, message) = _smtp.Messages.Should().ContainSingle().Subject;
        recipients.Should().Equal(NotificationHarness.Email);
        message.From.Mailboxes.Single().Address.Should().Be("studio@studio.test");
        message.To.Mailboxes.Single().Address.Should().Be(NotificationHarness.Email);
        message.Subject.Should().Be("Your video \"Spring launch\" is ready");
        message.TextBody.Should().Contain($"/jobs/{jobId}");
        (await _harness.DeliveriesAsync()).Single().State.Should().Be(DeliveryState.Sent);
    }

    [Fact]
    public async Task JobCompletes_FrenchOwner_ReceivesTheEmailInFrench()
    {
        await _harness.Settings.SetEmailLanguageAsync(NotificationHarness.UserId, EmailLanguages.French, CancellationToken.None);
        var jobId = await _harness.CreateJobAsync("Lancement de printemps");
        await _harness.Driver.CompleteAsync(jobId);

        // The worker's own culture is English: the owner's language is what counts.
        var before = System.Globalization.CultureInfo.CurrentUICulture;
        System.Globalization.CultureInfo.CurrentUICulture = System.Globalization.CultureInfo.GetCultureInfo("en-US");
        try
        {
            await _harness.Outbox.RunOnceAsync(CancellationToken.None);
        }
        finally
        {
            System.Globalization.CultureInfo.CurrentUICulture = before;
        }

        var message = _smtp.Messages.Should().ContainSingle().Subject.Message;
        message.Subject.Should().Be("Votre vidéo « Lancement de printemps » est prête");
        message.TextBody.Should().Contain("Votre vidéo « Lancement de printemps » est prête.")
            .And.Contain("Coût : 0,")
            .And.Contain($"Pour l’ouvrir : /jobs/{jobId}")
            .And.NotContain("Your video");
    }

    [Fact]
    public async Task JobFails_EnglishOwnerWhileTheWorkerRunsInFrench_ReceivesTheEmailInEnglish()
    {
        await _harness.Settings.SetEmailLanguageAsync(NotificationHarness.UserId, EmailLanguages.English, CancellationToken.None);
        await _harness.Driver.FailAsync(await _harness.CreateJobAsync("Spring launch"), "the provider is down");

        var before = System.Globalization.CultureInfo.CurrentUICulture;
        System.Globalization.CultureInfo.CurrentUICulture = System.Globalization.CultureInfo.GetCultureInfo("fr-FR");
        try
        {
            await _harness.Outbox.RunOnceAsync(CancellationToken.None);
        }
        finally
        {
            System.Globalization.CultureInfo.CurrentUICulture = before;
        }

        var message = _smtp.Messages.Should().ContainSingle().Subject.Message;
        message.Subject.Should().Be("Your video \"Spring launch\" failed");
        message.TextBody.Should().Contain("Why: the provider is down").And.Contain("Cost: 0.");
    }

    [Fact]
    public async Task JobFails_FrenchOwner_TheStoredReasonIsWordedInFrench()
    {
        await _harness.Settings.SetEmailLanguageAsync(NotificationHarness.UserId, EmailLanguages.French, CancellationToken.None);
        await _harness.Driver.FailAsync(
            await _harness.CreateJobAsync("Lancement"),
            Studio.Core.Common.StoredText.Of("Segment {0} could not be made: {1}", 2, Studio.Core.Common.StoredText.Of("it was cancelled")));

        await _harness.Outbox.RunOnceAsync(CancellationToken.None);

        _smtp.Messages.Should().ContainSingle().Subject.Message.TextBody.Should().Contain("Raison : Le segment 2 n’a pas pu être fait : il a été annulé");
    }

    [Fact]
    public async Task ServerRefusesTheRecipient_DeliveryKeepsTheErrorAndIsRetried()
    {
        _smtp.RejectNext(1);
        await _harness.Driver.FailAsync(await _harness.CreateJobAsync("Spring launch"), "the provider is down");

        await _harness.Outbox.RunOnceAsync(CancellationToken.None);

        var delivery = (await _harness.DeliveriesAsync()).Single();
        delivery.State.Should().Be(DeliveryState.Pending);
        delivery.Attempts.Should().Be(1);
        delivery.LastError.Should().Contain("Mailbox unavailable");
        _smtp.Messages.Should().BeEmpty();

        _harness.Time.Advance(TimeSpan.FromSeconds(30));
        await _harness.Outbox.RunOnceAsync(CancellationToken.None);

        _smtp.Messages.Should().ContainSingle().Which.Message.Subject.Should().Be("Your video \"Spring launch\" failed");
        (await _harness.DeliveriesAsync()).Single().State.Should().Be(DeliveryState.Sent);
    }

    [Fact]
    public async Task ServerRefusesTheRecipient_TheStoredReasonIsOurSentence_ReadInFrenchWithTheServersWordsAsWritten()
    {
        _smtp.RejectNext(1);
        await _harness.Driver.FailAsync(await _harness.CreateJobAsync("Spring launch"), "the provider is down");

        await _harness.Outbox.RunOnceAsync(CancellationToken.None);

        (await _harness.DeliveriesAsync()).Single().LastError.Should().StartWith("The mail server refused the e-mail: ").And.Contain("Mailbox unavailable");
        var listed = (await CoreLocalizers.InCultureAsync("fr-FR", () => _harness.Settings.RecentDeliveriesAsync(NotificationHarness.UserId, CancellationToken.None))).Single();
        listed.LastError.Should().StartWith("Le serveur de messagerie a refusé l’e-mail : ").And.Contain("Mailbox unavailable");
    }
}
