using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Studio.Tests.Fakes.Hostile;
using static Microsoft.Playwright.Assertions;

namespace Studio.Tests.E2E;

/// <summary>
/// The new video wizard as a user walks it, in Debian's Chromium against the app on 127.0.0.1: brief, an image
/// dropped onto a storyboard card (a real drop of a file through the card's drop zone), a reload that resumes the
/// draft, the review, Generate with the local provider, live progress to the end and the MP4 downloaded. The finish
/// chosen on the brief (crossfades over the template's hard cuts) is shown on the review and carried by the job.
/// </summary>
[Trait("Category", "E2E")]
public sealed partial class WizardJourneyTests(StudioProcess studio) : IClassFixture<StudioProcess>, IAsyncLifetime
{
    private BrowserSession _browser = null!;

    public async Task InitializeAsync() => _browser = await BrowserSession.StartAsync();

    public async Task DisposeAsync() => await _browser.DisposeAsync();

    [Fact]
    public async Task Wizard_ImageDroppedOnACard_ReloadResumes_GeneratesAndDownloadsTheMp4()
    {
        var page = await _browser.NewPageAsync(studio.BaseAddress);
        await SignInAsync(page);

        // Step 1: the brief, hybrid so that one card animates an image and the others are made from their prompt.
        await page.GotoAsync("/new");
        var next = page.Locator("button[data-testid=next]");
        await Expect(next).ToBeEnabledAsync();
        await page.Locator("textarea#wizard-theme").FillAsync("Three habits of fast remote teams");
        await page.Locator("input#wizard-title").FillAsync("Remote habits");
        await Expect(page.Locator("input[data-testid=provider]")).ToHaveValueAsync("Local (offline)");
        await PickAsync(page, page.Locator("[data-testid=wizard-brief] input[data-testid=mode]"), "Hybrid");
        await Expect(page.Locator("[data-testid=wizard-finish]")).ToBeVisibleAsync();
        await PickTextAsync(page, page.Locator("[data-testid=wizard-finish] [data-testid=transition]"), "Crossfade");
        await Expect(page.Locator("[data-testid=save-state]")).ToHaveTextAsync("Draft saved");
        await ShotsAsync(page, "wizard-1-brief");

        // Step 2: the storyboard, one card per segment, prompts drafted by the offline writer.
        await next.ClickAsync();
        var cards = page.Locator("[data-testid=segment-card]");
        await Expect(cards).ToHaveCountAsync(6);
        await Expect(cards.Nth(0).Locator("textarea[data-testid=segment-prompt]")).Not.ToHaveValueAsync(string.Empty);
        var first = cards.Nth(0);
        await PickAsync(page, first.Locator("input[data-testid=segment-mode]"), "ImageToVideo");
        var zone = first.Locator("[data-testid=asset-drop-zone]");
        await Expect(zone).ToBeVisibleAsync();
        await Expect(first.Locator("input[type=file]")).ToBeEnabledAsync();
        await first.ScreenshotAsync(new() { Path = Path.Combine(BrowserSession.ScreenshotFolder, "wizard-2-card-drop-zone.png") });
        await DropFileAsync(zone, "desk.png", "image/png", await MediaSamples.GetAsync("png"));
        await Expect(first.Locator("[data-testid=asset-chosen]")).ToContainTextAsync("desk.png", new() { Timeout = 60_000 });
        await Expect(first.Locator("img.wizard-asset-thumb")).ToHaveJSPropertyAsync("complete", true);
        await first.Locator("textarea[data-testid=segment-prompt]").FillAsync("A calm desk at sunrise, a laptop opening");
        await Expect(page.Locator("[data-testid=save-state]")).ToHaveTextAsync("Draft saved");
        await ShotsAsync(page, "wizard-2-storyboard");

        // Closing and coming back resumes: same step, same words, same image.
        await page.ReloadAsync();
        await Expect(page.Locator("[data-testid=wizard-step]")).ToHaveAttributeAsync("data-step", "1");
        await Expect(cards.Nth(0).Locator("[data-testid=asset-chosen]")).ToContainTextAsync("desk.png");
        await Expect(cards.Nth(0).Locator("textarea[data-testid=segment-prompt]")).ToHaveValueAsync("A calm desk at sunrise, a laptop opening");

        // Step 3: the review with the price, then Generate.
        await Expect(next).ToBeEnabledAsync();
        await next.ClickAsync();
        await Expect(page.Locator("[data-testid=estimate-total]")).ToHaveTextAsync("Free");
        await Expect(page.Locator("[data-testid=review-segment]")).ToHaveCountAsync(6);
        await Expect(page.Locator("[data-testid=review-segment]").Nth(0)).ToContainTextAsync("desk.png");
        await Expect(page.Locator("[data-testid=review-transition]")).ToHaveTextAsync("Crossfade");
        await Expect(page.Locator("[data-testid=review-voice]")).ToHaveTextAsync("No voice-over");
        await ShotsAsync(page, "wizard-3-review");
        await page.Locator("button[data-testid=generate]").ClickAsync();

        await Expect(page).ToHaveURLAsync(JobUrl());
        var stored = await page.Context.APIRequest.GetAsync(new Uri(page.Url).AbsolutePath.Replace("/jobs/", "/api/jobs/", StringComparison.Ordinal));
        stored.Ok.Should().BeTrue();
        var cut = (await stored.JsonAsync())!.Value;
        cut.GetProperty("transition").GetString().Should().Be("crossfade", "the finish chosen on the brief");
        cut.GetProperty("captions").GetBoolean().Should().BeFalse("the template has none and none were asked for");
        (cut.TryGetProperty("voice", out var voice) ? voice.ValueKind : System.Text.Json.JsonValueKind.Null).Should().Be(System.Text.Json.JsonValueKind.Null);
        await Expect(page.Locator("[data-testid=overall-percent]")).ToHaveTextAsync("100%", new() { Timeout = 240_000 });
        var download = page.Locator("[data-testid=download-video]");
        await Expect(download).ToBeVisibleAsync();
        await ShotsAsync(page, "wizard-4-job-done", "[data-testid=download-video]");

        var href = await download.GetAttributeAsync("href");
        href.Should().NotBeNullOrEmpty();
        var response = await page.Context.APIRequest.GetAsync(href!);
        response.Ok.Should().BeTrue();
        var mp4 = await response.BodyAsync();
        mp4.Length.Should().BeGreaterThan(50_000, "thirty seconds of video");
        System.Text.Encoding.ASCII.GetString(mp4, 4, 4).Should().Be("ftyp");

        // A generated video leaves no draft: the wizard opens empty.
        await page.GotoAsync("/new");
        await Expect(page.Locator("[data-testid=wizard-step]")).ToHaveAttributeAsync("data-step", "0");
        await Expect(page.Locator("textarea#wizard-theme")).ToHaveValueAsync(string.Empty);
    }

    /// <summary>Drops a file on the zone as a browser does: a DataTransfer holding it, through dragenter, dragover and drop.</summary>
    private static async Task DropFileAsync(ILocator zone, string name, string type, byte[] bytes)
    {
        var transfer = await zone.Page.EvaluateHandleAsync(
            "([name, type, base64]) => { const bin = atob(base64); const data = new Uint8Array(bin.length); for (let i = 0; i < bin.length; i++) data[i] = bin.charCodeAt(i); const dt = new DataTransfer(); dt.items.add(new File([data], name, { type })); return dt; }",
            new object[] { name, type, Convert.ToBase64String(bytes) });
        foreach (var kind in new[] { "dragenter", "dragover", "drop" })
        {
            await zone.DispatchEventAsync(kind, new Dictionary<string, object> { ["dataTransfer"] = transfer });
        }
    }

    /// <summary>Opens a MudSelect and picks the item carrying <c>data-mode</c> <paramref name="mode"/>.</summary>
    private static async Task PickAsync(IPage page, ILocator input, string mode)
    {
        await input.Locator("xpath=ancestor::div[contains(@class,'mud-input-control')][1]").ClickAsync();
        var item = page.Locator($".mud-popover-open .mud-list-item:has([data-mode={mode}])");
        await Expect(item).ToBeVisibleAsync();
        await item.ClickAsync();
        await Expect(page.Locator(".mud-popover-open .mud-list-item")).ToHaveCountAsync(0);
    }

    /// <summary>Opens a MudSelect and picks the item whose text holds <paramref name="text"/> (one item must).</summary>
    private static async Task PickTextAsync(IPage page, ILocator input, string text)
    {
        await input.Locator("xpath=ancestor::div[contains(@class,'mud-input-control')][1]").ClickAsync();
        var item = page.Locator(".mud-popover-open .mud-list-item").Filter(new() { HasText = text });
        await Expect(item).ToBeVisibleAsync();
        await item.ClickAsync();
        await Expect(page.Locator(".mud-popover-open .mud-list-item")).ToHaveCountAsync(0);
    }

    /// <summary>Shoots the page at 1280×800 and at 390×844; each size is reloaded (the layout settles its drawer on load; the draft brings the step back).</summary>
    private static async Task ShotsAsync(IPage page, string name, string ready = "[data-testid=wizard-step]")
    {
        await page.EvaluateAsync("() => window.scrollTo(0, 0)"); // a full-page shot of a scrolled page draws the fixed app bar mid-page
        await page.ScreenshotAsync(new() { Path = Path.Combine(BrowserSession.ScreenshotFolder, $"{name}-1280x800.png"), FullPage = true });
        await page.SetViewportSizeAsync(390, 844);
        await page.ReloadAsync();
        await Expect(page.Locator(ready).First).ToBeVisibleAsync();
        await Expect(page.Locator("button[data-testid=start-over], button[data-testid=download-video], a[data-testid=download-video]").First).ToBeEnabledAsync();
        await page.EvaluateAsync("() => window.scrollTo(0, 0)");
        await page.ScreenshotAsync(new() { Path = Path.Combine(BrowserSession.ScreenshotFolder, $"{name}-390x844.png"), FullPage = true });
        await page.SetViewportSizeAsync(1280, 800);
        await page.ReloadAsync();
        await Expect(page.Locator(ready).First).ToBeVisibleAsync();
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

    [GeneratedRegex("/jobs/[0-9a-f-]{36}$")]
    private static partial Regex JobUrl();
}
