using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Studio.Tests.E2E;

/// <summary>A job finishes while its owner is on other pages: a snackbar appears and the bell counts it, on desktop and phone.</summary>
[Trait("Category", "E2E")]
public sealed partial class NotificationJourneyTests(StudioProcess studio) : IClassFixture<StudioProcess>, IAsyncLifetime
{
    private static readonly TimeSpan Finish = TimeSpan.FromMinutes(3);
    private BrowserSession _browser = null!;

    public async Task InitializeAsync() => _browser = await BrowserSession.StartAsync();

    public async Task DisposeAsync() => await _browser.DisposeAsync();

    [Fact]
    public async Task JobCompletesWhileOnAnotherPage_SnackbarAndBellCount()
    {
        var desktop = await SignedInAsync(1280, 800, "/settings");
        var phone = await SignedInAsync(390, 844, "/quick");
        await Shot(desktop, "settings-1280x800.png");
        await Shot(phone, "quick-before-notification-390x844.png");

        using var api = studio.CreateApiClient();
        var created = await api.PostAsJsonAsync("/api/jobs", new { title = "Spring launch teaser", theme = "A spring product launch", template = "Reels 30s Standard", provider = "sim" });
        created.StatusCode.Should().Be(HttpStatusCode.Created, await created.Content.ReadAsStringAsync());
        var id = (await created.Content.ReadFromJsonAsync<JsonObject>())!["id"]!.GetValue<Guid>();
        (await api.PostAsync($"/api/jobs/{id}/start", null)).StatusCode.Should().Be(HttpStatusCode.Accepted);

        var wait = new LocatorAssertionsToBeVisibleOptions { Timeout = (float)Finish.TotalMilliseconds };
        await Expect(desktop.Locator(".mud-snackbar", new() { HasText = "“Spring launch teaser” is ready." })).ToBeVisibleAsync(wait);
        await Shot(desktop, "notification-snackbar-1280x800.png", fullPage: false);
        await Expect(phone.Locator(".mud-snackbar", new() { HasText = "“Spring launch teaser” is ready." })).ToBeVisibleAsync(wait);
        await Shot(phone, "notification-snackbar-390x844.png", fullPage: false);

        await Expect(desktop).ToHaveURLAsync(new Regex("/settings$"), new() { Timeout = 1000 });
        await Expect(desktop.Locator("[data-testid=notification-bell] .mud-badge")).ToHaveTextAsync("1");
        await Expect(phone.Locator("[data-testid=notification-bell] .mud-badge")).ToHaveTextAsync("1");

        await desktop.Locator("[data-testid=notification-bell-button]").ClickAsync();
        var item = desktop.Locator("[data-testid=notification-item]").First;
        await Expect(item).ToContainTextAsync("Spring launch teaser");
        await Expect(item).ToContainTextAsync("completed");
        await Shot(desktop, "notification-list-1280x800.png", fullPage: false);

        await phone.Locator("[data-testid=notification-bell-button]").ClickAsync();
        await Expect(phone.Locator("[data-testid=notification-item]").First).ToContainTextAsync("Spring launch teaser");
        await Shot(phone, "notification-list-390x844.png", fullPage: false);

        await phone.Locator("[data-testid=notification-mark-all]").ClickAsync();
        await Expect(phone.Locator("[data-testid=notification-bell] .mud-badge")).ToHaveCountAsync(0);

        await item.ClickAsync();
        await Expect(desktop).ToHaveURLAsync(new Regex($"/jobs/{id}$"));

        await phone.GotoAsync("/settings");
        await Expect(phone.Locator("[data-testid=webhook-generate]")).ToBeEnabledAsync();
        await Shot(phone, "settings-390x844.png");
    }

    private async Task<IPage> SignedInAsync(int width, int height, string path)
    {
        var page = await _browser.NewPageAsync(studio.BaseAddress, width, height);
        await page.GotoAsync("/");
        await Expect(page).ToHaveURLAsync(new Regex("/account/login"));
        await page.Locator("#email").FillAsync(StudioProcess.AdminEmail);
        await page.Locator("#password").FillAsync(StudioProcess.AdminPassword);
        await page.Locator("button[type=submit]").ClickAsync();
        await Expect(page).ToHaveURLAsync(new Regex("/$"));
        await page.GotoAsync(path);

        // The bell listens once the circuit is live (its button is enabled then).
        await Expect(page.Locator("[data-testid=notification-bell-button]")).ToBeEnabledAsync();
        return page;
    }

    private static Task<byte[]> Shot(IPage page, string name, bool fullPage = true) =>
        page.ScreenshotAsync(new() { Path = Path.Combine(BrowserSession.ScreenshotFolder, name), FullPage = fullPage, Animations = ScreenshotAnimations.Disabled });
}
