using System.Text.RegularExpressions;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Studio.Tests.E2E;

/// <summary>Template edit then use, in Debian's Chromium against the app on 127.0.0.1.</summary>
[Trait("Category", "E2E")]
public sealed partial class TemplateJourneyTests(StudioProcess studio) : IClassFixture<StudioProcess>, IAsyncLifetime
{
    private BrowserSession _browser = null!;

    public async Task InitializeAsync() => _browser = await BrowserSession.StartAsync();

    public async Task DisposeAsync() => await _browser.DisposeAsync();

    [Fact]
    public async Task EditTemplate_PromptAndSegmentCount_QuickVideoMadeFromItHasTheNewShape()
    {
        var page = await _browser.NewPageAsync(studio.BaseAddress);
        await SignInAsync(page);

        await page.GotoAsync("/templates");
        var reels = page.Locator("[data-testid=template-card][data-template='Reels 30s Standard']");
        await Expect(reels).ToContainTextAsync("6 × 5 s");
        await Expect(reels.Locator("[data-testid=duplicate]")).ToBeEnabledAsync();
        await Shot(page, "templates-list-1280x800.png");
        await page.SetViewportSizeAsync(390, 844);
        await page.ReloadAsync();
        await Expect(reels.Locator("[data-testid=duplicate]")).ToBeEnabledAsync();
        await Shot(page, "templates-list-390x844.png");
        await page.SetViewportSizeAsync(1280, 800);

        // The admin may change a built-in template.
        await page.GotoAsync("/templates");
        await reels.Locator("[data-testid=edit]").ClickAsync();
        await Expect(page).ToHaveURLAsync(TemplateUrl());
        var save = page.Locator("[data-testid=save]");
        await Expect(save).ToBeEnabledAsync();
        await Expect(page.Locator("[data-testid=timeline-segment]")).ToHaveCountAsync(6);

        await page.Locator("input#segment-count").FillAsync("3");
        await page.Locator("input#prompt-0").FillAsync("Harbour sunrise: {theme}");
        await Expect(page.Locator("[data-testid=timeline-segment]")).ToHaveCountAsync(3);
        await Expect(page.Locator("[data-testid=prompt-row]")).ToHaveCountAsync(3);
        await Expect(page.Locator("[data-testid=timeline-segment]").First).ToContainTextAsync("Harbour sunrise");
        await Expect(page.Locator("[data-testid=unsaved]")).ToBeVisibleAsync();
        await page.Locator("input#prompt-0").BlurAsync();
        await page.EvaluateAsync("() => window.scrollTo(0, 0)"); // a full-page shot taken scrolled draws the app bar mid-page
        await Shot(page, "template-editor-1280x800.png");
        var editorUrl = page.Url;

        await save.ClickAsync();
        await Expect(page).ToHaveURLAsync(new Regex("/templates$"));
        await Expect(reels).ToContainTextAsync("3 × 5 s");

        // The layout settles its drawer for a phone on load: the saved template is opened again at phone size.
        await page.SetViewportSizeAsync(390, 844);
        await page.GotoAsync(editorUrl);
        await Expect(page.Locator("[data-testid=timeline-segment]")).ToHaveCountAsync(3);
        await Expect(page.Locator("[data-testid=save]")).ToBeEnabledAsync();
        await Shot(page, "template-editor-390x844.png");
        await page.SetViewportSizeAsync(1280, 800);

        await page.GotoAsync("/quick");
        var generate = page.Locator("[data-testid=generate]");
        await Expect(generate).ToBeEnabledAsync();
        await Expect(page.Locator("[data-testid=template]")).ToHaveValueAsync("Reels 30s Standard");
        await page.Locator("textarea#theme").FillAsync("the old port at dawn");
        await Expect(page.Locator("[data-testid=provider]")).ToHaveValueAsync(new Regex("Local"));
        await generate.ClickAsync();

        await Expect(page).ToHaveURLAsync(JobUrl());
        await Expect(page.Locator("[data-segment]")).ToHaveCountAsync(3);
        await Expect(page.Locator("[data-segment='0'] .segment-prompt")).ToContainTextAsync("Harbour sunrise: the old port at dawn");
        await Expect(page.Locator("[data-testid=overall-percent]")).ToHaveTextAsync("100%", new() { Timeout = 180_000 });
        await Shot(page, "template-job-1280x800.png");
    }

    [Fact]
    public async Task NewTemplate_EmptyName_ShowsTheMessageAtTheField()
    {
        var page = await _browser.NewPageAsync(studio.BaseAddress);
        await SignInAsync(page);
        await page.GotoAsync("/templates/new");
        var save = page.Locator("[data-testid=save]");
        await Expect(save).ToBeEnabledAsync();

        await save.ClickAsync();

        var nameField = page.Locator(".mud-input-control").Filter(new() { Has = page.Locator("input#name") });
        await Expect(nameField.Locator(".mud-input-error.mud-input-helper-text")).ToContainTextAsync("Give the template a name.");
        await Shot(page, "template-editor-errors-1280x800.png", fullPage: false);
    }

    private static Task<byte[]> Shot(IPage page, string name, bool fullPage = true) =>
        page.ScreenshotAsync(new() { Path = Path.Combine(BrowserSession.ScreenshotFolder, name), FullPage = fullPage });

    private static async Task SignInAsync(IPage page)
    {
        await page.GotoAsync("/");
        await Expect(page).ToHaveURLAsync(new Regex("/account/login"));
        await page.Locator("#email").FillAsync(StudioProcess.AdminEmail);
        await page.Locator("#password").FillAsync(StudioProcess.AdminPassword);
        await page.Locator("button[type=submit]").ClickAsync();
        await Expect(page).ToHaveURLAsync(new Regex("/$"));
    }

    [GeneratedRegex(@"/templates/[0-9a-f-]{36}$")]
    private static partial Regex TemplateUrl();

    [GeneratedRegex(@"/jobs/[0-9a-f-]{36}$")]
    private static partial Regex JobUrl();
}
