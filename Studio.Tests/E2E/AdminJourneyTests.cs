using System.Net;
using System.Net.Http.Json;
using System.Text.RegularExpressions;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Studio.Tests.E2E;

/// <summary>The admin pages in Debian's Chromium against the app on 127.0.0.1: refused to a user, working for an admin.</summary>
[Trait("Category", "E2E")]
public sealed class AdminJourneyTests(StudioProcess studio) : IClassFixture<StudioProcess>, IAsyncLifetime
{
    private const string UserEmail = "plain.user@studio.test";
    private const string UserPassword = "Plain-User-Pass-123!";
    private BrowserSession _browser = null!;

    public async Task InitializeAsync()
    {
        // Six helpers share two cores: give the page time to answer.
        SetDefaultExpectTimeout(30_000);
        _browser = await BrowserSession.StartAsync();
    }

    public async Task DisposeAsync() => await _browser.DisposeAsync();

    [Fact]
    public async Task User_OpensAdmin_IsRefusedByTheServer_AndHasNoAdminLink()
    {
        using (var api = studio.CreateApiClient())
        {
            var created = await api.PostAsJsonAsync("/api/users", new { email = UserEmail, password = UserPassword, role = "User" });
            created.StatusCode.Should().BeOneOf(HttpStatusCode.Created, HttpStatusCode.Conflict);
        }

        foreach (var (width, height) in new[] { (1280, 800), (390, 844) })
        {
            var page = await _browser.NewPageAsync(studio.BaseAddress, width, height);
            await SignInAsync(page, UserEmail, UserPassword);
            await Expect(page.Locator("h1")).ToContainTextAsync("My videos");
            await Expect(page.Locator("[data-testid=nav-admin]")).ToHaveCountAsync(0);

            var response = await page.GotoAsync("/admin/users");

            // The server answers the admin URL itself (no admin markup is ever sent): it redirects to a page saying so.
            await Expect(page).ToHaveURLAsync(new Regex("/access-denied"));
            response!.Url.Should().Contain("/access-denied");
            await Expect(page.Locator("[data-testid=access-denied]")).ToContainTextAsync("not allowed");
            await Expect(page.Locator("[data-testid=admin-tabs]")).ToHaveCountAsync(0);
            (await page.ContentAsync()).Should().NotContain("Administration").And.NotContain(StudioProcess.AdminEmail);
            await Shot(page, $"admin-refused-{width}x{height}.png");

            // An in-app link (no page load): the router answers access denied too, not the sign-in page.
            await page.GotoAsync("/");
            await Expect(page.Locator("h1")).ToContainTextAsync("My videos");
            await page.WaitForFunctionAsync("() => window.Blazor !== undefined");
            await page.EvaluateAsync("() => Blazor.navigateTo('/admin')");
            await Expect(page).ToHaveURLAsync(new Regex("/access-denied"));
            await Expect(page.Locator("[data-testid=access-denied]")).ToContainTextAsync("not allowed");
            await page.Context.CloseAsync();
        }
    }

    [Fact]
    public async Task Admin_SeesEveryJob_AndCancelsOneInBulk()
    {
        const string title = "Admin bulk cancel target";
        using (var api = studio.CreateApiClient())
        {
            foreach (var name in new[] { title, "Aardvark sorted first", "Zebra sorted last" })
            {
                var created = await api.PostAsJsonAsync("/api/jobs", new { title = name, theme = "Quiet mornings", template = "Reels 30s Standard" });
                created.StatusCode.Should().Be(HttpStatusCode.Created);
            }
        }

        var page = await _browser.NewPageAsync(studio.BaseAddress);
        await SignInAsync(page, StudioProcess.AdminEmail, StudioProcess.AdminPassword);
        await Expect(page.Locator("[data-testid=nav-admin]")).ToBeVisibleAsync();
        await page.Locator("[data-testid=nav-admin]").ClickAsync();
        await Expect(page).ToHaveURLAsync(new Regex("/admin$"));
        await Expect(page.Locator("h1")).ToHaveTextAsync("Administration", new() { Timeout = 30_000 });

        var titleFilter = page.Locator("input[data-testid=filter-title], [data-testid=filter-title] input");
        await Expect(titleFilter).ToBeEnabledAsync(); // typing before the circuit is live would be lost
        await titleFilter.FillAsync(title);
        var row = page.Locator("tr", new() { Has = page.Locator("[data-testid=job-title]", new() { HasText = title }) });
        await Expect(row).ToHaveCountAsync(1);
        await Expect(page.Locator("[data-testid=job-title]")).ToHaveCountAsync(1); // the filter ran on the server
        await Shot(page, "admin-jobs-1280x800.png");

        await row.Locator("input[type=checkbox]").CheckAsync();
        await Expect(page.Locator("[data-testid=selected-count]")).ToHaveTextAsync("1 selected");
        await page.Locator("[data-testid=bulk-cancel]").ClickAsync();
        var dialog = page.Locator(".mud-dialog");
        await Expect(dialog).ToContainTextAsync("Cancel 1 jobs?");
        await Shot(page, "admin-bulk-confirm-1280x800.png", fullPage: false);
        await dialog.GetByRole(AriaRole.Button, new() { Name = "Cancel jobs" }).ClickAsync();

        await Expect(page.Locator("[data-testid=bulk-summary]")).ToContainTextAsync("1 cancelled");
        await Expect(row.Locator("[data-status]")).ToHaveAttributeAsync("data-status", "Cancelled");
        await Shot(page, "admin-bulk-done-1280x800.png");

        // The row opens its segments; a cancelled segment's prompt can be changed for a new take.
        await row.Locator(".mud-hierarchy-toggle-button, td:first-child button").First.ClickAsync();
        await Expect(page.Locator("[data-testid=admin-segments] .admin-segment").First).ToBeVisibleAsync();
        await Expect(page.Locator("[data-testid=segment-save-0]")).ToHaveTextAsync("Save and regenerate");
        await Shot(page, "admin-job-segments-1280x800.png");

        // Sorted by the server: title, A to Z, then Z to A.
        await page.ReloadAsync();
        var titleHeader = page.Locator("th", new() { Has = page.Locator(".sortable-column-header", new() { HasText = "Title" }) }).Locator(".sortable-column-header");
        await Expect(page.Locator("[data-testid=filter-title] input, input[data-testid=filter-title]")).ToBeEnabledAsync();
        await titleHeader.ClickAsync();
        await Expect(page.Locator("[data-testid=job-title]").First).ToHaveTextAsync("Aardvark sorted first");
        await titleHeader.ClickAsync();
        await Expect(page.Locator("[data-testid=job-title]").First).ToHaveTextAsync("Zebra sorted last");
        await Shot(page, "admin-jobs-sorted-1280x800.png");

        await page.SetViewportSizeAsync(390, 844);
        await page.ReloadAsync();
        await Expect(page.Locator("[data-testid=admin-jobs-grid]")).ToBeVisibleAsync();
        await Expect(page.Locator("[data-testid=job-title]").First).ToBeVisibleAsync();
        await Shot(page, "admin-jobs-390x844.png");

        foreach (var tab in new[] { "users", "providers", "spend", "audit" })
        {
            await page.SetViewportSizeAsync(1280, 800);
            await page.GotoAsync($"/admin/{tab}");
            await Expect(page.Locator(".mud-tab-active")).ToBeVisibleAsync();
            await page.WaitForLoadStateAsync(LoadState.NetworkIdle);
            await FilterAuditAsync(page, tab, title);
            await Shot(page, $"admin-{tab}-1280x800.png");
            await page.SetViewportSizeAsync(390, 844);
            await page.ReloadAsync();
            await Expect(page.Locator(".mud-tab-active")).ToBeVisibleAsync();
            await page.WaitForLoadStateAsync(LoadState.NetworkIdle);
            await FilterAuditAsync(page, tab, title);
            await Shot(page, $"admin-{tab}-390x844.png");
        }

        // Nothing failed behind the pages (tab navigation once threw while prerendering and into closing circuits).
        studio.Output.Split('\n').Where(l => l.Contains(" fail: ", StringComparison.Ordinal)).Should().BeEmpty(studio.Output);
    }

    // The audit tab, narrowed by free text to the lines about one job (its cancel by the admin, among others).
    private static async Task FilterAuditAsync(IPage page, string tab, string title)
    {
        if (tab != "audit")
        {
            return;
        }

        var text = page.Locator("[data-testid=audit-filter-text] input, input[data-testid=audit-filter-text]");
        await Expect(text).ToBeEnabledAsync();
        await text.FillAsync(title);
        await Expect(page.Locator("[data-testid=audit-detail]", new() { HasText = "Zebra sorted last" })).ToHaveCountAsync(0); // the server filtered
        await Expect(page.Locator("[data-testid=audit-action]", new() { HasText = "admin.job.cancel" })).ToHaveCountAsync(1);
        await Expect(page.Locator("[data-testid=audit-detail]").First).ToContainTextAsync(title);
    }

    private static async Task SignInAsync(IPage page, string email, string password)
    {
        await page.GotoAsync("/");
        await Expect(page).ToHaveURLAsync(new Regex("/account/login"));
        await page.Locator("#email").FillAsync(email);
        await page.Locator("#password").FillAsync(password);
        await page.Locator("button[type=submit]").ClickAsync();
        await Expect(page).ToHaveURLAsync(new Regex("/$"));
    }

    private static Task<byte[]> Shot(IPage page, string name, bool fullPage = true) =>
        page.ScreenshotAsync(new() { Path = Path.Combine(BrowserSession.ScreenshotFolder, name), FullPage = fullPage });
}
