using System.Globalization;
using Bunit;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;
using Studio.App.Components.Admin;
using Studio.Core.Audit;

namespace Studio.Tests.Components;

/// <summary>The audit tab: its filters reach the database query, and an empty result says whether filters hide everything.</summary>
public sealed class AuditPanelTests : AdminComponentTest
{
    [Fact]
    public void NothingLogged_SaysSo()
    {
        Render<MudPopoverProvider>();

        var panel = Render<AuditPanel>();

        panel.WaitForAssertion(() => panel.Find("[data-testid=audit-empty]").TextContent.Should().Contain("Nothing on the audit log yet."));
    }

    [Fact]
    public async Task Filters_ByWhoActionDaysAndText_NarrowTheRows_AndAnEmptyResultOffersToClearThem()
    {
        var alice = await AddUserAsync("alice@example.com");
        var bob = await AddUserAsync("bob@example.com");
        var log = Services.GetRequiredService<AuditLog>();
        await log.WriteAsync(alice, "job.start", "job/1", "Spring teaser", 0.4m, CancellationToken.None);
        await log.WriteAsync(alice, "job.cancel", "job/1", "Spring teaser", null, CancellationToken.None);
        await log.WriteAsync(bob, "job.start", "job/2", "Autumn recap", 0.2m, CancellationToken.None);
        Render<MudPopoverProvider>();
        var panel = Render<AuditPanel>();
        panel.WaitForAssertion(() => panel.FindAll("[data-testid=audit-action]").Should().HaveCount(3));

        await panel.InvokeAsync(() => panel.FindComponent<MudSelect<string>>().Instance.ValueChanged.InvokeAsync("job.start"));
        panel.WaitForAssertion(() => Actors(panel).Should().Equal("bob@example.com", "alice@example.com"));

        await SetTextAsync(panel, "audit-filter-actor", "ALICE");
        panel.WaitForAssertion(() => Details(panel).Should().Equal("Spring teaser"));

        await SetTextAsync(panel, "audit-filter-text", "autumn");
        panel.WaitForAssertion(() => panel.Find("[data-testid=audit-empty]").TextContent.Should().Contain("No entry matches these filters."));

        await panel.Find("[data-testid=audit-clear]").ClickAsync(new());
        panel.WaitForAssertion(() => panel.FindAll("[data-testid=audit-action]").Should().HaveCount(3));

        var today = DateTime.Today;
        await panel.InvokeAsync(() => panel.FindComponent<MudDateRangePicker>().Instance.DateRangeChanged.InvokeAsync(new DateRange(today.AddDays(-3), today.AddDays(-1))));
        panel.WaitForAssertion(() => panel.Find("[data-testid=audit-empty]").TextContent.Should().Contain("No entry matches these filters."));
        await panel.InvokeAsync(() => panel.FindComponent<MudDateRangePicker>().Instance.DateRangeChanged.InvokeAsync(new DateRange(today, today)));
        panel.WaitForAssertion(() => panel.FindAll("[data-testid=audit-action]").Should().HaveCount(3));
    }

    [Fact]
    public async Task ActionFilter_OffersTheActionsOnTheLog()
    {
        var alice = await AddUserAsync("alice@example.com");
        var log = Services.GetRequiredService<AuditLog>();
        await log.WriteAsync(alice, "template.update", "template/1", "Reels", null, CancellationToken.None);
        await log.WriteAsync(alice, "job.start", "job/1", "Spring teaser", null, CancellationToken.None);
        var popovers = Render<MudPopoverProvider>();
        var panel = Render<AuditPanel>();
        panel.WaitForAssertion(() => panel.FindAll("[data-testid=audit-action]").Should().HaveCount(2));

        var select = panel.FindComponent<MudSelect<string>>();
        await panel.InvokeAsync(() => select.Instance.OpenMenu());

        popovers.WaitForAssertion(() => popovers.FindAll(".mud-list-item").Select(i => i.TextContent.Trim())
            .Should().Equal("Any action", "job.start", "template.update"));
    }

    [Fact]
    public async Task InFrench_OurLinkWordsAreFrench_TheDataAsWritten_AndOldRowsAsStored()
    {
        CultureInfo.CurrentCulture = CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo("fr-FR");
        var admin = await AddUserAsync("admin@example.com");
        var log = Services.GetRequiredService<AuditLog>();
        await log.WriteAsync(admin, "admin.job.cancel", "job/1", AuditDetails.JobOfOwner("Spring teaser", "bob"), null, CancellationToken.None);
        await log.WriteAsync(admin, "budget.set", "user/bob", AuditDetails.BudgetSet(null), null, CancellationToken.None);
        await log.WriteAsync(admin, "admin.job.retry", "job/2", "Autumn recap (owner bob)", null, CancellationToken.None);
        Render<MudPopoverProvider>();

        var panel = Render<AuditPanel>();

        panel.WaitForAssertion(() => Details(panel).Should().BeEquivalentTo("Autumn recap (owner bob)", "retour au budget par défaut", "Spring teaser (propriétaire bob)"));
    }

    private static List<string> Actors(IRenderedComponent<AuditPanel> panel) =>
        [.. panel.FindAll("[data-testid=audit-actor]").Select(e => e.TextContent)];

    private static List<string> Details(IRenderedComponent<AuditPanel> panel) =>
        [.. panel.FindAll("[data-testid=audit-detail]").Select(e => e.TextContent)];

    // A debounced field reports its value once, when typing pauses: that report alone must narrow the grid.
    private static async Task SetTextAsync(IRenderedComponent<AuditPanel> panel, string testId, string text)
    {
        var field = panel.FindComponents<MudTextField<string>>().Single(f => f.Markup.Contains(testId, StringComparison.Ordinal));
        await panel.InvokeAsync(() => field.Instance.ValueChanged.InvokeAsync(text));
    }
}
