using System.Collections.Concurrent;
using System.Text.RegularExpressions;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Studio.Tests.E2E;

/// <summary>The interactive API page in Debian's Chromium: it renders the app's own document, and every request it makes stays on this machine.</summary>
[Trait("Category", "E2E")]
public sealed class ApiDocsJourneyTests(StudioProcess studio) : IClassFixture<StudioProcess>, IAsyncLifetime
{
    private BrowserSession _browser = null!;

    public async Task InitializeAsync() => _browser = await BrowserSession.StartAsync();

    public async Task DisposeAsync() => await _browser.DisposeAsync();

    [Fact]
    public async Task ApiDocs_SignedIn_RendersTheDocumentFromThisServerOnly()
    {
        var page = await _browser.NewPageAsync(studio.BaseAddress);
        var requested = new ConcurrentQueue<string>();
        page.Request += (_, request) => requested.Enqueue(request.Url);

        await page.GotoAsync("/");
        await Expect(page).ToHaveURLAsync(new Regex("/account/login"));
        await page.Locator("#email").FillAsync(StudioProcess.AdminEmail);
        await page.Locator("#password").FillAsync(StudioProcess.AdminPassword);
        await page.Locator("button[type=submit]").ClickAsync();
        await Expect(page).ToHaveURLAsync(new Regex("/$"));

        await page.GotoAsync("/api-docs");
        await Expect(page.GetByText("Studio API").First).ToBeVisibleAsync(new() { Timeout = 30_000 });
        foreach (var tag in new[] { "Jobs", "Templates", "Assets", "Providers", "Costs" })
        {
            await Expect(page.GetByRole(AriaRole.Link, new() { Name = tag, Exact = true }).First).ToBeAttachedAsync(new() { Timeout = 30_000 });
        }
        await page.ScreenshotAsync(new() { Path = Path.Combine(BrowserSession.ScreenshotFolder, "api-docs.png") });

        requested.Should().Contain(u => u.Contains("/openapi/v1.json", StringComparison.Ordinal), "the page reads the app's own document");
        requested.Select(u => new Uri(u)).Where(u => u.Scheme is "http" or "https")
            .Should().OnlyContain(u => u.Host == studio.BaseAddress.Host, "nothing is fetched from another host");
    }
}
