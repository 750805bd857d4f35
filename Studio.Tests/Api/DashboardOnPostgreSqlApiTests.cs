using System.Net;
using System.Net.Http.Json;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Studio.Core.Jobs;
using Studio.Core.Persistence;
using Studio.Tests.Core.Analytics;

namespace Studio.Tests.Api;

/// <summary>
/// The whole app on PostgreSQL serves the home dashboard, /analytics and the CSV export over real jobs and ledger lines:
/// the pages render their cards (not their error state) and the export has the seeded figures.
/// </summary>
[Collection(PostgreSqlTests.Name)]
public sealed class DashboardOnPostgreSqlApiTests(PostgreSqlServer server)
{
    [Fact]
    public async Task DashboardAnalyticsAndExport_OnPostgreSql_ServeTheSeededFigures()
    {
        using var factory = new PostgreSqlAppFactory(await server.CreateDatabaseAsync());
        var admin = await factory.UserIdAsync(StudioAppFactory.AdminEmail);
        await using (var db = await factory.Services.GetRequiredService<IDbContextFactory<StudioDbContext>>().CreateDbContextAsync())
        {
            db.Database.ProviderName.Should().Contain("PostgreSQL", "the app must really run on PostgreSQL here");
        }

        var (created, at) = AnalyticsSeed.RecentlyThisMonth(DateTimeOffset.UtcNow);
        var done = AnalyticsSeed.Job(admin, "Finished on PostgreSQL", created, JobStatus.Completed);
        var failed = AnalyticsSeed.Job(admin, "Failed on PostgreSQL", created, JobStatus.Failed);
        await AnalyticsSeed.SaveAsync(factory.Services.GetRequiredService<IDbContextFactory<StudioDbContext>>(), [done, failed],
        [
            AnalyticsSeed.Cost(done, "sim", 1.50m, at),
            AnalyticsSeed.Cost(done, "luma", 0.0025m, at),
        ]);
        using var browser = factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });
        (await browser.PostAsJsonAsync("/api/account/login", new { email = StudioAppFactory.AdminEmail, password = StudioAppFactory.AdminPassword }))
            .StatusCode.Should().Be(HttpStatusCode.OK);

        using var home = await browser.GetAsync(new Uri("/", UriKind.Relative));
        using var analytics = await browser.GetAsync(new Uri("/analytics", UriKind.Relative));
        var export = await factory.CreateApiClient().GetStringAsync(new Uri("/api/analytics/export.csv?period=month", UriKind.Relative));

        home.StatusCode.Should().Be(HttpStatusCode.OK);
        var homePage = await home.Content.ReadAsStringAsync();
        homePage.Should().Contain("data-testid=\"stat-cards\"").And.NotContain("data-testid=\"jobs-error\"");
        homePage.Should().Contain("50", "one of two finished videos succeeded").And.Contain("1.50", "the month's spend is on its card");
        analytics.StatusCode.Should().Be(HttpStatusCode.OK);
        var analyticsPage = await analytics.Content.ReadAsStringAsync();
        analyticsPage.Should().Contain("data-testid=\"analytics-cards\"").And.NotContain("data-testid=\"analytics-error\"");
        var month = at.ToString("yyyy-MM", System.Globalization.CultureInfo.InvariantCulture);
        export.Split("\r\n", StringSplitOptions.RemoveEmptyEntries).Skip(1).Should().BeEquivalentTo(
            $"{month},{month}-01,provider,sim,1,1.50",
            $"{month},{month}-01,provider,luma,1,0.0025",
            $"{month},{month}-01,template,Reels 30s Standard,1,1.5025");
    }

    [Fact]
    public async Task EveryPageAndListOfTheApi_OnPostgreSql_AnswerWithoutAServerError()
    {
        using var factory = new PostgreSqlAppFactory(await server.CreateDatabaseAsync());
        var admin = await factory.UserIdAsync(StudioAppFactory.AdminEmail);
        var at = DateTimeOffset.UtcNow.AddHours(-1);
        var done = AnalyticsSeed.Job(admin, "Finished on PostgreSQL", at.AddMinutes(-5), JobStatus.Completed);
        await AnalyticsSeed.SaveAsync(factory.Services.GetRequiredService<IDbContextFactory<StudioDbContext>>(), [done], [AnalyticsSeed.Cost(done, "sim", 1.50m, at)]);
        using var browser = factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });
        (await browser.PostAsJsonAsync("/api/account/login", new { email = StudioAppFactory.AdminEmail, password = StudioAppFactory.AdminPassword }))
            .StatusCode.Should().Be(HttpStatusCode.OK);
        using var api = factory.CreateApiClient();

        foreach (var page in new[] { "/new", "/quick", "/assets", "/templates", "/templates/new", "/settings", "/admin/jobs", "/admin/users", "/admin/providers", "/admin/spend", "/admin/audit", $"/jobs/{done.Id}" })
        {
            using var response = await browser.GetAsync(new Uri(page, UriKind.Relative));
            response.StatusCode.Should().Be(HttpStatusCode.OK, page);
            (await response.Content.ReadAsStringAsync()).Should().NotContain("mud-alert-text-error", $"{page} must not show a load error");
        }

        foreach (var list in new[] { "/api/jobs", "/api/assets", "/api/audit", "/api/costs", "/api/providers", "/api/templates", "/api/tokens", "/api/users", "/api/budget", $"/api/jobs/{done.Id}" })
        {
            using var response = await api.GetAsync(new Uri(list, UriKind.Relative));
            ((int)response.StatusCode).Should().BeLessThan(500, $"{list}: {await response.Content.ReadAsStringAsync()}");
        }
    }
}
