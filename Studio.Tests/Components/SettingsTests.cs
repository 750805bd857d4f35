using Bunit;
using Microsoft.AspNetCore.Components;
using Studio.App.Components.Notifications;
using Studio.App.Components.Pages;

namespace Studio.Tests.Components;

public sealed class SettingsTests : NotificationComponentTest
{
    [Fact]
    public void Render_ShowsBothPanels()
    {
        var page = Render<Settings>();

        page.WaitForAssertion(() => page.Find("[data-testid=notification-settings]").TextContent.Should().Contain("Webhook"));
        page.Find("[data-testid=api-tokens]").TextContent.Should().Contain("API tokens");
    }

    [Theory]
    [InlineData("ftp://example.com/hook", "Use an address starting with https://")]
    [InlineData("example.com/hook", "Enter a full address")]
    [InlineData("https://me:pw@example.com/hook", "Leave the user name and password out")]
    public void WebhookUrl_Invalid_SaysWhyAtTheFieldAndCannotBeSaved(string url, string message)
    {
        var panel = RenderNotifications();

        panel.Find("input#webhook-url").Input(url);

        panel.WaitForAssertion(() =>
            panel.Find("input#webhook-url").Closest(".mud-input-control")!.QuerySelector(".mud-input-helper-text.mud-input-error")!.TextContent.Should().Contain(message));
        panel.Find("button[data-testid=webhook-save]").HasAttribute("disabled").Should().BeTrue();
    }

    [Fact]
    public async Task WebhookUrl_Valid_IsSaved()
    {
        var panel = RenderNotifications();
        panel.Find("input#webhook-url").Input("https://hooks.example.com/studio");

        await panel.Find("button[data-testid=webhook-save]").ClickAsync(new());

        panel.WaitForAssertion(() => panel.Find("button[data-testid=webhook-test]").HasAttribute("disabled").Should().BeFalse());
        (await NotificationSettings.GetAsync(UserId, CancellationToken.None)).WebhookUrl.Should().Be("https://hooks.example.com/studio");
    }

    [Fact]
    public async Task GenerateSecret_IsShownOnceThenOnlyItsEnd()
    {
        var panel = RenderNotifications();
        panel.Find("[data-testid=webhook-secret-hint]").TextContent.Should().Contain("No signing secret yet");

        await panel.Find("button[data-testid=webhook-generate]").ClickAsync(new());

        var secret = panel.WaitForElement("[data-testid=webhook-secret-value]").TextContent;
        secret.Should().StartWith("whsec_");
        var again = RenderNotifications();
        again.FindAll("[data-testid=webhook-secret-value]").Should().BeEmpty();
        again.Find("[data-testid=webhook-secret-hint]").TextContent.Should().Contain(secret[^4..]).And.NotContain(secret);
    }

    [Fact]
    public async Task SendTest_QueuesATestDeliveryListedUnderLastDeliveries()
    {
        await NotificationSettings.SetWebhookUrlAsync(UserId, "https://hooks.example.com/studio", CancellationToken.None);
        var panel = RenderNotifications();
        panel.Find("[data-testid=deliveries-empty]").Should().NotBeNull();

        await panel.Find("button[data-testid=webhook-test]").ClickAsync(new());

        panel.WaitForAssertion(() => panel.Find("[data-testid=delivery]").TextContent.Should().Contain("Test message").And.Contain("waiting"));
    }

    [Fact]
    public void EmailSwitch_NoSmtp_IsDisabledAndSaysWhy()
    {
        Mailer.IsConfigured = false;

        var panel = RenderNotifications();

        panel.Find("[data-testid=email-unavailable]").TextContent.Should().Contain("no e-mail (SMTP)");
        panel.Find("input[data-testid=email-switch]").HasAttribute("disabled").Should().BeTrue();
    }

    [Fact]
    public async Task EmailSwitch_TurnedOff_IsStored()
    {
        var panel = RenderNotifications();

        await panel.Find("input[data-testid=email-switch]").ChangeAsync(new() { Value = false });

        panel.WaitForAssertion(() => NotificationSettings.GetAsync(UserId, CancellationToken.None).Result.EmailEnabled.Should().BeFalse());
    }

    [Fact]
    public async Task EmailLanguage_FrenchPage_OffersFrenchAndAChoiceIsStored()
    {
        System.Globalization.CultureInfo.CurrentCulture = System.Globalization.CultureInfo.CurrentUICulture = System.Globalization.CultureInfo.GetCultureInfo("fr-FR");
        var panel = RenderNotifications();
        var select = panel.FindComponents<MudBlazor.MudSelect<string>>().Single(s => s.Instance.Label == "Langue des e-mails");
        panel.Find(".email-language input").GetAttribute("value").Should().Be("fr", "before any save, the e-mails would be in the page's language");

        await panel.InvokeAsync(() => select.Instance.ValueChanged.InvokeAsync("en"));

        panel.WaitForAssertion(() => NotificationSettings.GetAsync(UserId, CancellationToken.None).Result.EmailLanguage.Should().Be("en"));
        panel.WaitForAssertion(() => panel.Find(".email-language input").GetAttribute("value").Should().Be("en"));
    }

    [Fact]
    public void EmailLanguage_NoSmtp_IsDisabled()
    {
        Mailer.IsConfigured = false;

        var panel = RenderNotifications();

        panel.FindComponents<MudBlazor.MudSelect<string>>().Single(s => s.Instance.Label == "Language of the e-mails").Instance.Disabled.Should().BeTrue();
    }

    [Fact]
    public async Task CreateToken_NoName_SaysSoAtTheField()
    {
        var panel = Render<ApiTokensPanel>(p => p.Add(x => x.UserId, UserId));
        panel.WaitForElement("[data-testid=tokens-empty]");

        await panel.Find("button[data-testid=token-create]").ClickAsync(new());

        panel.WaitForAssertion(() =>
            panel.Find("input#token-name").Closest(".mud-input-control")!.QuerySelector(".mud-input-helper-text.mud-input-error")!.TextContent.Should().Contain("Give the token a name"));
        (await Tokens.ListAsync(UserId, CancellationToken.None)).Should().BeEmpty();
    }

    [Fact]
    public async Task CreateToken_ShowsItOnceAndListsIt()
    {
        var panel = Render<ApiTokensPanel>(p => p.Add(x => x.UserId, UserId));
        panel.WaitForElement("[data-testid=tokens-empty]");
        panel.Find("input#token-name").Input("Marketing automation");

        await panel.Find("button[data-testid=token-create]").ClickAsync(new());

        var token = panel.WaitForElement("[data-testid=token-value]").TextContent;
        token.Should().NotBeNullOrWhiteSpace();
        panel.Find("[data-testid=token]").TextContent.Should().Contain("Marketing automation").And.Contain("never used");
        var again = Render<ApiTokensPanel>(p => p.Add(x => x.UserId, UserId));
        again.WaitForElement("[data-testid=token]");
        again.Markup.Should().NotContain(token, "a token is shown once");
    }

    [Fact]
    public async Task Revoke_AsksToConfirmThenRevokes()
    {
        await Tokens.CreateAsync(UserId, "CI", CancellationToken.None);
        var panel = Render<ApiTokensPanel>(p => p.Add(x => x.UserId, UserId));
        panel.WaitForElement("[data-testid=token]");

        await panel.Find("button[data-testid=token-revoke]").ClickAsync(new());
        panel.Find("button[data-testid=token-revoke]").TextContent.Should().Contain("Confirm revoke");
        (await Tokens.ListAsync(UserId, CancellationToken.None)).Should().ContainSingle("one click only asks");

        await panel.Find("button[data-testid=token-revoke]").ClickAsync(new());

        panel.WaitForElement("[data-testid=tokens-empty]");
        (await Tokens.ListAsync(UserId, CancellationToken.None)).Should().BeEmpty();
    }

    [Fact]
    public void Render_NotInteractiveYet_DisablesActions()
    {
        SetRendererInfo(new RendererInfo("Static", isInteractive: false));

        var panel = RenderNotifications();
        var tokens = Render<ApiTokensPanel>(p => p.Add(x => x.UserId, UserId));

        panel.Find("button[data-testid=webhook-generate]").HasAttribute("disabled").Should().BeTrue();
        tokens.WaitForElement("[data-testid=tokens-empty]");
        tokens.Find("button[data-testid=token-create]").HasAttribute("disabled").Should().BeTrue();
    }

    private IRenderedComponent<NotificationSettingsPanel> RenderNotifications()
    {
        var panel = Render<NotificationSettingsPanel>(p => p.Add(x => x.UserId, UserId));
        panel.WaitForElement("[data-testid=webhook-url]");
        return panel;
    }
}
