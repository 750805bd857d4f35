using Studio.Core.Notifications;

namespace Studio.Tests.Core.Notifications;

public sealed class NotificationSettingsTests : IAsyncLifetime
{
    private NotificationHarness _harness = null!;

    public async Task InitializeAsync() => _harness = await NotificationHarness.CreateAsync(new RecordingMailer());

    public async Task DisposeAsync() => await _harness.DisposeAsync();

    [Theory]
    [InlineData("example.com/hook", WebhookUrlProblem.NotAbsolute)]
    [InlineData("ftp://example.com/hook", WebhookUrlProblem.WrongScheme)]
    [InlineData("https://user:secret@example.com/hook", WebhookUrlProblem.HasCredentials)]
    [InlineData("https://example.com/hook", WebhookUrlProblem.None)]
    [InlineData("http://127.0.0.1:8080/hook", WebhookUrlProblem.None)]
    public void Check_SaysWhatIsWrong(string url, WebhookUrlProblem expected) => WebhookUrls.Check(url).Should().Be(expected);

    [Fact]
    public async Task SetWebhookUrl_Invalid_ChangesNothing()
    {
        await _harness.Settings.SetWebhookUrlAsync(NotificationHarness.UserId, "https://example.com/hook", CancellationToken.None);

        var problem = await _harness.Settings.SetWebhookUrlAsync(NotificationHarness.UserId, "ftp://example.com", CancellationToken.None);

        problem.Should().Be(WebhookUrlProblem.WrongScheme);
        (await _harness.Settings.GetAsync(NotificationHarness.UserId, CancellationToken.None)).WebhookUrl.Should().Be("https://example.com/hook");
    }

    [Fact]
    public async Task GenerateSecret_IsReturnedOnceAndOnlyItsEndIsReadBack()
    {
        var secret = await _harness.Settings.GenerateSecretAsync(NotificationHarness.UserId, CancellationToken.None);

        secret.Should().StartWith("whsec_").And.HaveLength(49);
        var view = await _harness.Settings.GetAsync(NotificationHarness.UserId, CancellationToken.None);
        view.SecretHint.Should().Be(secret[^4..]);
        (await _harness.Settings.GenerateSecretAsync(NotificationHarness.UserId, CancellationToken.None)).Should().NotBe(secret);
    }

    [Theory]
    [InlineData("fr-FR", "fr")]
    [InlineData("fr", "fr")]
    [InlineData("en-GB", "en")]
    [InlineData("de-DE", "en")]
    public async Task FirstSave_KeepsThePagesLanguageForEmails(string uiCulture, string expected)
    {
        var before = System.Globalization.CultureInfo.CurrentUICulture;
        try
        {
            System.Globalization.CultureInfo.CurrentUICulture = System.Globalization.CultureInfo.GetCultureInfo(uiCulture);
            (await _harness.Settings.GetAsync(NotificationHarness.UserId, CancellationToken.None)).EmailLanguage.Should().Be(expected, "the form offers what the first save will keep");
            await _harness.Settings.SetEmailAsync(NotificationHarness.UserId, true, CancellationToken.None);

            // Later pages in another language change nothing: only the user's choice does.
            System.Globalization.CultureInfo.CurrentUICulture = System.Globalization.CultureInfo.GetCultureInfo(expected == "fr" ? "en" : "fr");
            await _harness.Settings.SetEmailAsync(NotificationHarness.UserId, false, CancellationToken.None);
            (await _harness.Settings.GetAsync(NotificationHarness.UserId, CancellationToken.None)).EmailLanguage.Should().Be(expected);
        }
        finally
        {
            System.Globalization.CultureInfo.CurrentUICulture = before;
        }
    }

    [Theory]
    [InlineData("fr", "fr")]
    [InlineData("FR-ca", "fr")]
    [InlineData("en", "en")]
    [InlineData("klingon", "en")]
    public async Task SetEmailLanguage_StoresASupportedLanguage(string chosen, string expected)
    {
        await _harness.Settings.SetEmailLanguageAsync(NotificationHarness.UserId, chosen, CancellationToken.None);

        (await _harness.Settings.GetAsync(NotificationHarness.UserId, CancellationToken.None)).EmailLanguage.Should().Be(expected);
    }

    [Fact]
    public async Task SendTest_NoWebhook_QueuesNothing()
    {
        (await _harness.Settings.SendTestAsync(NotificationHarness.UserId, CancellationToken.None)).Should().BeFalse();

        (await _harness.DeliveriesAsync()).Should().BeEmpty();
    }

    [Fact]
    public async Task Inbox_CountsUnreadAndMarkAllReadClearsOnlyMine()
    {
        await _harness.Driver.CompleteAsync(await _harness.CreateJobAsync("One"));
        await _harness.Driver.FailAsync(await _harness.CreateJobAsync("Two"), "broken");

        var inbox = await _harness.Center.InboxAsync(NotificationHarness.UserId, CancellationToken.None);
        inbox.Unread.Should().Be(2);
        (await _harness.Center.InboxAsync("someone-else", CancellationToken.None)).Latest.Should().BeEmpty();
        (await _harness.Center.MarkAllReadAsync("someone-else", CancellationToken.None)).Should().Be(0);

        (await _harness.Center.MarkAllReadAsync(NotificationHarness.UserId, CancellationToken.None)).Should().Be(2);

        inbox = await _harness.Center.InboxAsync(NotificationHarness.UserId, CancellationToken.None);
        inbox.Unread.Should().Be(0);
        inbox.Latest.Should().HaveCount(2).And.OnlyContain(n => n.IsRead);
    }
}
