using System.Text.RegularExpressions;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Studio.Tests.E2E;

/// <summary>The walking skeleton as a user walks it, in Debian's Chromium against the app on 127.0.0.1.</summary>
[Trait("Category", "E2E")]
public sealed partial class QuickVideoJourneyTests(StudioProcess studio) : IClassFixture<StudioProcess>, IAsyncLifetime
{
    private BrowserSession _browser = null!;

    public async Task InitializeAsync() => _browser = await BrowserSession.StartAsync();

    public async Task DisposeAsync() => await _browser.DisposeAsync();

    [Fact]
    public async Task SignIn_QuickVideo_ProgressReachesDone_VideoPlays()
    {
        var page = await _browser.NewPageAsync(studio.BaseAddress);

        await SignInAsync(page, StudioProcess.AdminPassword);
        await Expect(page).ToHaveURLAsync(new Regex("/$"));
        await Expect(page.Locator("h1")).ToContainTextAsync("My videos");
        await Shot(page, "dashboard-first-visit.png");

        await page.GotoAsync("/quick");
        var generate = page.Locator("[data-testid=generate]");
        await Expect(generate).ToBeEnabledAsync(); // enabled once the circuit is live: typing before that would be lost
        await page.Locator("textarea#theme").FillAsync("3 Django tips for beginners");
        await Expect(page.Locator("[data-testid=template]")).ToHaveValueAsync("Reels 30s Standard");
        await Expect(page.Locator("[data-testid=estimate-total]")).ToHaveTextAsync("Free"); // the price is known before Generate
        await Shot(page, "quick-video.png");
        await generate.ClickAsync();

        await Expect(page).ToHaveURLAsync(JobUrl());
        await Expect(page.Locator("[data-testid=overall-percent]")).ToHaveTextAsync("100%", new() { Timeout = 180_000 });
        var video = page.Locator("video");
        await Expect(video).ToBeVisibleAsync();
        await Expect(page.Locator("[data-testid=download-video]")).ToBeVisibleAsync();

        await video.EvaluateAsync("v => { v.muted = true; return v.play(); }");
        await page.WaitForFunctionAsync("() => { const v = document.querySelector('video'); return v && v.currentTime > 0.5; }");
        var facts = await video.EvaluateAsync<double[]>("v => [v.duration, v.videoWidth, v.videoHeight]");
        facts[0].Should().BeApproximately(30, 0.15);
        facts[1].Should().Be(1080);
        facts[2].Should().Be(1920);

        await video.EvaluateAsync("v => v.pause()");
        await page.ScreenshotAsync(new() { Path = Path.Combine(BrowserSession.ScreenshotFolder, "job-completed-1280x800.png"), FullPage = true });
        await page.SetViewportSizeAsync(390, 844);
        await page.ReloadAsync();
        await Expect(page.Locator("video")).ToBeVisibleAsync();
        await page.ScreenshotAsync(new() { Path = Path.Combine(BrowserSession.ScreenshotFolder, "job-completed-390x844.png"), FullPage = true });

        await page.SetViewportSizeAsync(1280, 800);
        await page.GotoAsync("/");
        await Expect(page.Locator("body")).ToContainTextAsync("3 Django tips for beginners");
        await Shot(page, "dashboard-with-job.png");
    }

    [Fact]
    public async Task QuickVideo_PricedProvider_ShowsTheEstimateThenTheSpendingOnTheJobPage()
    {
        var page = await _browser.NewPageAsync(studio.BaseAddress);
        await SignInAsync(page, StudioProcess.AdminPassword);
        await Expect(page).ToHaveURLAsync(new Regex("/$"));
        await page.GotoAsync("/quick");
        var generate = page.Locator("[data-testid=generate]");
        await Expect(generate).ToBeEnabledAsync();
        await page.Locator("textarea#theme").FillAsync("Five minutes of morning stretching");

        await PickSimulatorAsync(page, "quick-video-providers.png");

        // The simulator bills $0.01 a second: 6 × 5 s.
        await Expect(page.Locator("[data-testid=estimate-total]")).ToHaveTextAsync("$0.30");
        await Expect(page.Locator("[data-testid=estimate-breakdown]")).ToHaveTextAsync("segments $0.30 · script $0.00 · voice $0.00");
        await Shot(page, "quick-video-priced-1280x800.png");
        await page.SetViewportSizeAsync(390, 844);
        await page.ReloadAsync(); // the layout settles its drawer for a phone on load
        await Expect(generate).ToBeEnabledAsync();
        await page.Locator("textarea#theme").FillAsync("Five minutes of morning stretching");
        await PickSimulatorAsync(page, null);
        await Expect(page.Locator("[data-testid=estimate-total]")).ToHaveTextAsync("$0.30");
        await Shot(page, "quick-video-priced-390x844.png");
        await generate.ClickAsync();

        await Expect(page).ToHaveURLAsync(JobUrl());
        await Expect(page.Locator("[data-testid=cost-estimated]")).ToContainTextAsync("$0.30");
        await Expect(page.Locator("[data-testid=cost-spent] .job-cost-amount")).ToHaveTextAsync(SomeCents(), new() { Timeout = 60_000 }); // billed at submission
        await Shot(page, "job-priced-390x844.png");
        await page.SetViewportSizeAsync(1280, 800);
        await page.ReloadAsync();
        await Expect(page.Locator("[data-testid=cost-spent]")).ToBeVisibleAsync();
        await Shot(page, "job-priced-1280x800.png");
    }

    private static async Task PickSimulatorAsync(IPage page, string? shot)
    {
        await page.Locator(".provider-picker .mud-input-control").ClickAsync();
        var item = page.Locator(".mud-popover-open .mud-list-item:has([data-provider=sim])");
        await Expect(item).ToBeVisibleAsync();
        if (shot is not null)
        {
            // The list fades in: shoot it once it is fully shown.
            await page.WaitForFunctionAsync("() => { const p = document.querySelector('.mud-popover-open'); return p && getComputedStyle(p).opacity === '1'; }");
            await Shot(page, shot, fullPage: false);
        }

        await item.ClickAsync();
        await Expect(page.Locator("[data-testid=provider]")).ToHaveValueAsync("Simulator (test provider)");
    }

    private static Task<byte[]> Shot(IPage page, string name, bool fullPage = true) =>
        page.ScreenshotAsync(new() { Path = Path.Combine(BrowserSession.ScreenshotFolder, name), FullPage = fullPage });

    [Fact]
    public async Task SignIn_WrongPassword_SaysSoAndStaysOnSignIn()
    {
        var page = await _browser.NewPageAsync(studio.BaseAddress);

        await SignInAsync(page, "not-the-password");

        await Expect(page.Locator(".auth-error")).ToContainTextAsync("do not match");
        await Expect(page).ToHaveURLAsync(new Regex("/account/login"));
        await page.ScreenshotAsync(new() { Path = Path.Combine(BrowserSession.ScreenshotFolder, "sign-in-error.png") });
    }

    private static async Task SignInAsync(IPage page, string password)
    {
        await page.GotoAsync("/");
        await Expect(page).ToHaveURLAsync(new Regex("/account/login"));
        await page.Locator("#email").FillAsync(StudioProcess.AdminEmail);
        await page.Locator("#password").FillAsync(password);
        await page.Locator("button[type=submit]").ClickAsync();
    }

    [GeneratedRegex(@"^\$0\.(?!00)\d\d$")]
    private static partial Regex SomeCents();

    [GeneratedRegex("/jobs/[0-9a-f-]{36}$")]
    private static partial Regex JobUrl();
}
