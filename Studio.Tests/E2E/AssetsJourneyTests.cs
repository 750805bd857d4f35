using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Studio.Tests.Fakes.Hostile;
using static Microsoft.Playwright.Assertions;

namespace Studio.Tests.E2E;

/// <summary>The asset library as a user uses it: two files dragged onto the drop zone at once, their previews, one deleted.</summary>
[Trait("Category", "E2E")]
public sealed class AssetsJourneyTests(StudioProcess studio) : IClassFixture<StudioProcess>, IAsyncLifetime
{
    private const string AllPreviewsShown =
        "n => { const imgs = [...document.querySelectorAll('img[data-testid=asset-thumbnail]')]; return imgs.length === n && imgs.every(i => i.complete && i.naturalWidth > 0); }";

    private BrowserSession _browser = null!;

    public async Task InitializeAsync() => _browser = await BrowserSession.StartAsync();

    public async Task DisposeAsync() => await _browser.DisposeAsync();

    [Fact]
    public async Task Assets_DropTwoFiles_BothShownWithPreviews_DeleteOne()
    {
        var page = await _browser.NewPageAsync(studio.BaseAddress);
        await SignInAsync(page);
        await page.GotoAsync("/assets");
        await Expect(page.Locator("h1")).ToHaveTextAsync("Assets");
        await Expect(page.Locator("[data-testid=assets-empty]")).ToBeVisibleAsync();
        var zone = page.Locator("[data-testid=asset-drop-zone][data-drop-ready=true]");
        await Expect(page.Locator("[data-testid=asset-file-input]")).ToBeEnabledAsync();
        await Expect(zone).ToHaveCountAsync(1);
        await Shot(page, "assets-empty-1280x800.png");

        // A real drag and drop as the page sees it: a DataTransfer holding two files, dragged in and dropped.
        var files = await page.EvaluateHandleAsync(
            """
            ([png, mp4]) => {
                const bytes = b64 => Uint8Array.from(atob(b64), c => c.charCodeAt(0));
                const dt = new DataTransfer();
                dt.items.add(new File([bytes(png)], 'logo.png', { type: 'image/png' }));
                dt.items.add(new File([bytes(mp4)], 'intro.mp4', { type: 'video/mp4' }));
                return dt;
            }
            """,
            new[] { Convert.ToBase64String(await MediaSamples.GetAsync("png")), Convert.ToBase64String(await MediaSamples.GetAsync("mp4")) });
        var init = new Dictionary<string, object> { ["dataTransfer"] = files };
        await zone.DispatchEventAsync("dragenter", init);
        await zone.DispatchEventAsync("dragover", init);
        await Expect(zone).ToHaveClassAsync(new Regex("dragging"));
        await zone.DispatchEventAsync("drop", init);

        await Expect(page.Locator("[data-testid=upload-item][data-state=Stored]")).ToHaveCountAsync(2, new() { Timeout = 60_000 });
        var cards = page.Locator("[data-testid=asset-card]");
        await Expect(cards).ToHaveCountAsync(2);
        await Expect(page.Locator("[data-testid=asset-name]")).ToHaveTextAsync(["intro.mp4", "logo.png"]);
        await page.WaitForFunctionAsync(AllPreviewsShown, 2, new() { Timeout = 60_000 });
        await Shot(page, "assets-two-1280x800.png");

        await page.SetViewportSizeAsync(390, 844);
        await page.ReloadAsync();
        await Expect(cards).ToHaveCountAsync(2);
        await page.WaitForFunctionAsync(AllPreviewsShown, 2, new() { Timeout = 60_000 });
        await Shot(page, "assets-two-390x844.png");

        var logo = cards.Filter(new() { HasText = "logo.png" });
        var delete = logo.Locator("[data-testid=asset-delete]");
        await Expect(delete).ToBeEnabledAsync();
        await delete.ClickAsync();
        var dialog = page.Locator(".mud-dialog");
        await Expect(dialog).ToContainTextAsync("logo.png will be removed");
        await Shot(page, "assets-delete-confirm-390x844.png", fullPage: false);
        await dialog.GetByRole(AriaRole.Button, new() { Name = "Delete" }).ClickAsync();

        await Expect(cards).ToHaveCountAsync(1);
        await Expect(page.Locator("[data-testid=asset-name]")).ToHaveTextAsync(["intro.mp4"]);
        await page.SetViewportSizeAsync(1280, 800);
        await Shot(page, "assets-after-delete-1280x800.png");
    }

    private static async Task SignInAsync(IPage page)
    {
        await page.GotoAsync("/");
        await Expect(page).ToHaveURLAsync(new Regex("/account/login"));
        await page.Locator("#email").FillAsync(StudioProcess.AdminEmail);
        await page.Locator("#password").FillAsync(StudioProcess.AdminPassword);
        await page.Locator("button[type=submit]").ClickAsync();
        await Expect(page).ToHaveURLAsync(new Regex("/$"));
    }

    private static Task<byte[]> Shot(IPage page, string name, bool fullPage = true) =>
        page.ScreenshotAsync(new() { Path = Path.Combine(BrowserSession.ScreenshotFolder, name), FullPage = fullPage });
}
