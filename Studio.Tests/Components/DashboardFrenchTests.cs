using System.Globalization;
using Bunit;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;
using Studio.App.Components.Pages;
using Studio.App.Hosting.Localization;
using Studio.Core.Analytics;
using Studio.Core.Jobs;
using Studio.Tests.Core.Analytics;

namespace Studio.Tests.Components;

/// <summary>The dashboard in French: its own texts from its resource file, MudBlazor's pager through <see cref="FrenchMudLocalizer"/>.</summary>
public sealed class DashboardFrenchTests : StudioComponentTest
{
    public override async Task InitializeAsync()
    {
        Services.AddSingleton<DashboardQueries>();
        Services.AddTransient<MudLocalizer, FrenchMudLocalizer>();
        await base.InitializeAsync();
        Render<MudPopoverProvider>();
    }

    [Fact]
    public async Task Render_InFrench_PagerAndPageSpeakFrench()
    {
        CultureInfo.CurrentCulture = CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo("fr-FR");
        var now = DateTimeOffset.UtcNow;
        await AnalyticsSeed.SaveAsync(Database, [.. Enumerable.Range(0, 12).Select(i => AnalyticsSeed.Job(UserId, $"Vidéo {i}", now.AddMinutes(-i), JobStatus.Completed))]);

        var page = Render<Dashboard>();

        page.WaitForAssertion(() => page.FindAll("a.job-link").Should().HaveCount(10));
        var pager = page.Find(".mud-table-pagination").TextContent;
        pager.Should().Contain("Lignes par page").And.Contain("1-10 sur 12").And.NotContain("Rows per page");
        page.Find("h1").TextContent.Should().Be("Mes vidéos");
        page.Find("[data-stat=success-rate] .stat-value").TextContent.Trim().Should().Be("100\u00A0%");
    }

    [Fact]
    public void Localizer_OtherLanguageOrUnknownKey_FallsBackToMudBlazorsEnglish()
    {
        var localizer = new FrenchMudLocalizer();

        CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo("en");
        localizer["MudDataGridPager_RowsPerPage"].ResourceNotFound.Should().BeTrue();
        CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo("fr-CA");
        localizer["MudDataGridPager_RowsPerPage"].Value.Should().Be("Lignes par page :");
        localizer["MudSomething_New"].ResourceNotFound.Should().BeTrue();
    }
}
