using System.Net;
using Microsoft.AspNetCore.Mvc.Testing;

namespace Studio.Tests.Api;

/// <summary>The language follows the browser, and a pick in the app bar (a cookie) wins over it.</summary>
public sealed class LanguageTests(StudioAppFactory factory) : IClassFixture<StudioAppFactory>
{
    [Fact]
    public async Task SignInPage_FollowsTheBrowsersLanguage()
    {
        var client = factory.CreateClient();
        using var french = new HttpRequestMessage(HttpMethod.Get, "/account/login");
        french.Headers.AcceptLanguage.ParseAdd("fr-CA,fr;q=0.9,en;q=0.5");
        using var english = new HttpRequestMessage(HttpMethod.Get, "/account/login");
        english.Headers.AcceptLanguage.ParseAdd("en-GB");

        var frenchPage = await (await client.SendAsync(french)).Content.ReadAsStringAsync();
        var englishPage = await (await client.SendAsync(english)).Content.ReadAsStringAsync();

        frenchPage.Should().Contain("Se connecter").And.Contain("Mot de passe").And.Contain("<html lang=\"fr\"");
        englishPage.Should().Contain("Sign in").And.Contain("Password").And.NotContain("Mot de passe").And.Contain("<html lang=\"en\"");
    }

    [Fact]
    public async Task PickedLanguage_IsRememberedAndWinsOverTheBrowser()
    {
        var client = factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });

        var pick = await client.GetAsync("/culture/fr?returnUrl=%2Faccount%2Flogin");
        pick.StatusCode.Should().Be(HttpStatusCode.Redirect);
        pick.Headers.Location!.OriginalString.Should().Be("/account/login");

        using var request = new HttpRequestMessage(HttpMethod.Get, "/account/login");
        request.Headers.AcceptLanguage.ParseAdd("en-US");
        var page = await (await client.SendAsync(request)).Content.ReadAsStringAsync();
        page.Should().Contain("Se connecter");
    }

    [Theory]
    [InlineData("/culture/fr?returnUrl=%2F%2Fevil.example%2F")]
    [InlineData("/culture/fr?returnUrl=%2F%5Cevil.example")]
    [InlineData("/culture/fr?returnUrl=https%3A%2F%2Fevil.example%2F")]
    public async Task LanguageSwitch_NeverSendsTheBrowserToAnotherSite(string url)
    {
        var client = factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

        var response = await client.GetAsync(url);

        response.StatusCode.Should().Be(HttpStatusCode.Redirect);
        response.Headers.Location!.OriginalString.Should().Be("/");
    }

    [Fact]
    public async Task UnknownLanguage_SetsNothing()
    {
        var client = factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

        var response = await client.GetAsync("/culture/xx?returnUrl=%2F");

        response.StatusCode.Should().Be(HttpStatusCode.Redirect);
        response.Headers.Contains("Set-Cookie").Should().BeFalse();
    }
}
