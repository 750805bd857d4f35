using Bunit;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;
using Studio.App.Components.Admin;
using Studio.Core.Admin;
using Studio.Core.Jobs;
using Studio.Tests.Core.Analytics;

namespace Studio.Tests.Components;

/// <summary>The admin's jobs grid: every user's jobs, the four states, and a bulk action's confirmation and summary.</summary>
public sealed class AdminJobsPanelTests : AdminComponentTest
{
    [Fact]
    public void NoJobs_SaysNoUserHasMadeOne_AndBulkActionsAreOff()
    {
        Render<MudPopoverProvider>();

        var panel = Render<AdminJobsPanel>();

        panel.WaitForAssertion(() => panel.Find("[data-testid=admin-jobs-empty]").TextContent.Should().Be("No user has made a job yet."));
        panel.Find("[data-testid=bulk-cancel]").HasAttribute("disabled").Should().BeTrue();
        panel.Find("[data-testid=selected-count]").TextContent.Should().Be("0 selected");
    }

    [Fact]
    public async Task BulkCancel_OneRunningOneAlreadyCancelled_ConfirmsThenSummarisesWhatWasDoneAndWhatCouldNotBe()
    {
        var alice = await AddUserAsync("alice@example.com");
        var bob = await AddUserAsync("bob@example.com");
        var running = await CreateJobAsync(title: "Alice's running", owner: alice);
        (await Jobs.StartAsync(alice, running.Id, CancellationToken.None)).Should().Be(JobCommandOutcome.Done);
        var cancelled = await CreateJobAsync(title: "Bob's cancelled", owner: bob);
        await Services.GetRequiredService<AdminJobs>().BulkAsync(AdminId, BulkJobAction.Cancel, [cancelled.Id], CancellationToken.None);
        Render<MudPopoverProvider>();
        var dialogs = Render<MudDialogProvider>();
        var panel = Render<AdminJobsPanel>();
        panel.WaitForAssertion(() => panel.FindAll("[data-testid=job-title]").Should().HaveCount(2));

        foreach (var box in panel.FindAll("tbody input[type=checkbox]"))
        {
            box.Change(true);
        }

        panel.WaitForAssertion(() => panel.Find("[data-testid=selected-count]").TextContent.Should().Be("2 selected"));
        panel.Find("[data-testid=bulk-cancel]").Click();
        dialogs.WaitForAssertion(() => dialogs.Markup.Should().Contain("Cancel 2 jobs?"));
        dialogs.FindAll(".mud-dialog button").Single(b => b.TextContent.Trim() == "Cancel jobs").Click();

        panel.WaitForAssertion(() => panel.Find("[data-testid=bulk-summary]").TextContent.Should().Contain("1 cancelled, 1 could not be:"));
        panel.Find("[data-testid=bulk-refused]").TextContent.Should().Contain("Bob's cancelled").And.Contain("already cancelled");
        (await Jobs.GetAsync(alice, running.Id, CancellationToken.None))!.Status.Should().Be(JobStatus.Cancelled);
        panel.WaitForAssertion(() => panel.Find("[data-testid=selected-count]").TextContent.Should().Be("0 selected"));
    }

    [Fact]
    public async Task BulkDelete_DialogDismissed_DoesNothing()
    {
        var alice = await AddUserAsync("alice@example.com");
        var draft = await CreateJobAsync(title: "Keep me", owner: alice);
        Render<MudPopoverProvider>();
        var dialogs = Render<MudDialogProvider>();
        var panel = Render<AdminJobsPanel>();
        panel.WaitForAssertion(() => panel.FindAll("tbody input[type=checkbox]").Should().HaveCount(1));
        panel.Find("tbody input[type=checkbox]").Change(true);

        panel.Find("[data-testid=bulk-delete]").Click();
        dialogs.WaitForAssertion(() => dialogs.Markup.Should().Contain("Delete 1 jobs?"));
        dialogs.FindAll(".mud-dialog button").Single(b => b.TextContent.Trim() == "Back").Click();

        panel.WaitForAssertion(() => dialogs.Markup.Should().NotContain("Delete 1 jobs?"));
        panel.FindAll("[data-testid=bulk-summary]").Should().BeEmpty();
        (await Jobs.GetAsync(alice, draft.Id, CancellationToken.None)).Should().NotBeNull();
    }

    [Fact]
    public async Task StatusFilter_ShowsOnlyThatStatus()
    {
        var alice = await AddUserAsync("alice@example.com");
        var queued = await CreateJobAsync(title: "Queued one", owner: alice);
        await Jobs.StartAsync(alice, queued.Id, CancellationToken.None);
        await CreateJobAsync(title: "Draft one", owner: alice);
        Render<MudPopoverProvider>();
        var panel = Render<AdminJobsPanel>();
        panel.WaitForAssertion(() => panel.FindAll("[data-testid=job-title]").Should().HaveCount(2));

        await panel.InvokeAsync(() => panel.FindComponent<MudSelect<JobStatus?>>().Instance.ValueChanged.InvokeAsync(JobStatus.Queued));

        panel.WaitForAssertion(() => panel.FindAll("[data-testid=job-title]").Select(e => e.TextContent).Should().Equal("Queued one"));
    }

    [Fact]
    public async Task SortByOwnerThenCost_ReadsThatOrderFromTheServer_KeepingTheStatusFilter()
    {
        var alice = await AddUserAsync("alice@example.com");
        var zoe = await AddUserAsync("zoe@example.com");
        var now = DateTimeOffset.UtcNow;
        await AnalyticsSeed.SaveAsync(Database,
        [
            AnalyticsSeed.Job(zoe, "Zoe's old", now.AddHours(-3), JobStatus.Failed),
            AnalyticsSeed.Job(alice, "Alice's new", now.AddHours(-1), JobStatus.Failed),
            AnalyticsSeed.Job(zoe, "Zoe's draft", now.AddHours(-2)),
        ]);
        Render<MudPopoverProvider>();
        var panel = Render<AdminJobsPanel>();
        panel.WaitForAssertion(() => Titles(panel).Should().Equal("Alice's new", "Zoe's draft", "Zoe's old"));

        await ClickHeaderAsync(panel, "Owner");
        panel.WaitForAssertion(() => Owners(panel).Should().Equal("alice@example.com", "zoe@example.com", "zoe@example.com"));
        await ClickHeaderAsync(panel, "Owner");
        panel.WaitForAssertion(() => Owners(panel).Should().Equal("zoe@example.com", "zoe@example.com", "alice@example.com"));
        await panel.InvokeAsync(() => panel.FindComponent<MudSelect<JobStatus?>>().Instance.ValueChanged.InvokeAsync(JobStatus.Failed));

        panel.WaitForAssertion(() => Titles(panel).Should().Equal("Zoe's old", "Alice's new"));
    }

    [Fact]
    public async Task TitleAndOwnerFields_NarrowTheGridOnTheirDebouncedValueAlone()
    {
        var alice = await AddUserAsync("alice@example.com");
        var bob = await AddUserAsync("bob@example.com");
        await CreateJobAsync(title: "Morning run", owner: alice);
        await CreateJobAsync(title: "Evening walk", owner: alice);
        await CreateJobAsync(title: "Morning coffee", owner: bob);
        Render<MudPopoverProvider>();
        var panel = Render<AdminJobsPanel>();
        panel.WaitForAssertion(() => Titles(panel).Should().HaveCount(3));
        var fields = panel.FindComponents<MudTextField<string>>();
        var owner = fields.Single(f => f.Markup.Contains("filter-owner", StringComparison.Ordinal));
        var title = fields.Single(f => f.Markup.Contains("filter-title", StringComparison.Ordinal));

        await panel.InvokeAsync(() => title.Instance.ValueChanged.InvokeAsync("morning"));
        panel.WaitForAssertion(() => Titles(panel).Should().BeEquivalentTo("Morning run", "Morning coffee"));
        await panel.InvokeAsync(() => owner.Instance.ValueChanged.InvokeAsync("BOB"));

        panel.WaitForAssertion(() => Titles(panel).Should().Equal("Morning coffee"));
    }

    private static List<string> Titles(IRenderedComponent<AdminJobsPanel> panel) =>
        [.. panel.FindAll("[data-testid=job-title]").Select(e => e.TextContent)];

    private static List<string> Owners(IRenderedComponent<AdminJobsPanel> panel) =>
        [.. panel.FindAll("[data-testid=job-owner]").Select(e => e.TextContent)];

    private static Task ClickHeaderAsync(IRenderedComponent<AdminJobsPanel> panel, string title) =>
        panel.FindAll("th").Single(th => th.TextContent.Contains(title, StringComparison.Ordinal))
            .QuerySelector(".sortable-column-header")!.ClickAsync(new());
}
