using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Studio.Tests.E2E;

/// <summary>The dashboard and analytics in Debian's Chromium against the app on 127.0.0.1, after a paid job finishes.</summary>
[Trait("Category", "E2E")]
public sealed class DashboardJourneyTests(StudioProcess studio) : IClassFixture<StudioProcess>, IAsyncLifetime
{
    private BrowserSession _browser = null!;

    public async Task InitializeAsync() => _browser = await BrowserSession.StartAsync();

    public async Task DisposeAsync() => await _browser.DisposeAsync();

    [Fact]
    public async Task Dashboard_JobFinishesWhileOpen_RowGoesLiveToReadyWithPosterAndFigures()
    {
        var page = await _browser.NewPageAsync(studio.BaseAddress);
        await page.GotoAsync("/");
        await page.Locator("#email").FillAsync(StudioProcess.AdminEmail);
        await page.Locator("#password").FillAsync(StudioProcess.AdminPassword);
        await page.Locator("button[type=submit]").ClickAsync();
        await Expect(page.Locator("h1")).ToContainTextAsync("My videos");

        // The job is made through the API while the dashboard is open: the row must reach Ready without a reload.
        using var api = studio.CreateApiClient();
        var created = await api.PostAsJsonAsync("/api/jobs", new { title = "Autumn launch teaser", theme = "A cosy autumn collection", template = "Reels 30s Standard", provider = "sim" });
        created.StatusCode.Should().Be(HttpStatusCode.Created, await created.Content.ReadAsStringAsync());
        var id = (await created.Content.ReadFromJsonAsync<JsonObject>())!["id"]!.GetValue<Guid>();
        (await api.PostAsync(new Uri($"/api/jobs/{id}/start", UriKind.Relative), null)).StatusCode.Should().Be(HttpStatusCode.Accepted);

        var row = page.Locator($"tr.job-{id}");
        await Expect(row.Locator(".status-chip")).ToContainTextAsync("Ready", new() { Timeout = 180_000 });
        await Expect(row.Locator(".job-percent")).ToHaveTextAsync("100%");
        await Expect(row.Locator("[data-testid=job-thumb]")).ToBeVisibleAsync();
        await page.WaitForFunctionAsync("() => [...document.querySelectorAll('img.job-thumb')].every(i => i.complete && i.naturalWidth > 0)");
        await Expect(page.Locator("[data-stat=spend-this-month] .stat-value")).ToHaveTextAsync(new Regex(@"^\$0\.(?!00)\d\d$"));
        await Expect(page.Locator("[data-stat=success-rate] .stat-value")).ToHaveTextAsync("100%");
        await Shot(page, "dashboard-1280x800.png");

        await page.SetViewportSizeAsync(390, 844);
        await page.ReloadAsync();
        await Expect(page.Locator($"tr.job-{id} .status-chip")).ToContainTextAsync("Ready");
        await Shot(page, "dashboard-390x844.png");

        await page.GotoAsync("/analytics");
        await Expect(page.Locator("[data-stat=videos-made] .stat-value")).ToHaveTextAsync(new Regex(@"^[1-9]\d*$"));
        await Expect(page.Locator("[data-testid=template-table]")).ToContainTextAsync("Reels 30s Standard");
        await Expect(page.Locator(".head-actions input[type=checkbox]")).ToBeEnabledAsync(); // the circuit is live
        await Shot(page, "analytics-390x844.png");
        await page.SetViewportSizeAsync(1280, 800);
        await page.ReloadAsync();
        await Expect(page.Locator("[data-testid=provider-table]")).ToContainTextAsync("sim");
        await Expect(page.Locator(".head-actions input[type=checkbox]")).ToBeEnabledAsync();
        await Shot(page, "analytics-1280x800.png");

        // The CSV link downloads the same figures.
        var download = await page.RunAndWaitForDownloadAsync(() => page.Locator("[data-testid=export-csv]").ClickAsync());
        download.SuggestedFilename.Should().StartWith("studio-analytics-monthly-");
        var csv = await File.ReadAllTextAsync((await download.PathAsync())!);
        csv.Should().StartWith("period,period_start,dimension,name,jobs,spend_usd").And.Contain(",provider,sim,");
    }

    private static Task<byte[]> Shot(IPage page, string name) =>
        page.ScreenshotAsync(new() { Path = Path.Combine(BrowserSession.ScreenshotFolder, name), FullPage = true });
}
