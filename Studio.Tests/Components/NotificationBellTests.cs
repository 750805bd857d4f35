using Bunit;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;
using Studio.App.Components.Notifications;

namespace Studio.Tests.Components;

public sealed class NotificationBellTests : NotificationComponentTest
{
    [Fact]
    public async Task Render_StoredUnread_ShowsTheCount()
    {
        await Driver.CompleteAsync((await CreateJobAsync(title: "One")).Id);
        await Driver.FailAsync((await CreateJobAsync(title: "Two")).Id, "broken");

        var bell = Render<NotificationBell>();

        bell.WaitForAssertion(() => bell.Find(".mud-badge").TextContent.Trim().Should().Be("2"));
    }

    [Fact]
    public async Task Render_NothingUnread_ShowsNoCount()
    {
        var job = await CreateJobAsync();
        await Driver.CompleteAsync(job.Id);
        await Center.MarkAllReadAsync(UserId, CancellationToken.None);

        var bell = Render<NotificationBell>();

        bell.WaitForAssertion(() => bell.Find("button[aria-label=Notifications]").Should().NotBeNull());
        bell.FindAll(".mud-badge").Should().BeEmpty();
    }

    [Fact]
    public async Task MyJobCompletesWhileRendered_ShowsASnackbarAndCountsIt()
    {
        var bell = Render<NotificationBell>();
        var job = await CreateJobAsync(title: "Spring launch");
        bell.WaitForAssertion(() => Events.SubscriptionCount.Should().Be(1));

        await Driver.CompleteAsync(job.Id);

        var snackbars = Services.GetRequiredService<ISnackbar>();
        bell.WaitForAssertion(() => snackbars.ShownSnackbars.Should().ContainSingle().Which.Message.Should().Be("“Spring launch” is ready."));
        snackbars.ShownSnackbars.Single().Severity.Should().Be(Severity.Success);
        bell.WaitForAssertion(() => bell.Find(".mud-badge").TextContent.Trim().Should().Be("1"));
    }

    [Fact]
    public async Task MyJobFailsWhileRendered_SnackbarSaysWhy()
    {
        var bell = Render<NotificationBell>();
        var job = await CreateJobAsync(title: "Spring launch");
        bell.WaitForAssertion(() => Events.SubscriptionCount.Should().Be(1));

        await Driver.FailAsync(job.Id, "the provider is down");

        var snackbars = Services.GetRequiredService<ISnackbar>();
        bell.WaitForAssertion(() => snackbars.ShownSnackbars.Should().ContainSingle().Which.Message.Should().Be("“Spring launch” failed: the provider is down"));
        snackbars.ShownSnackbars.Single().Severity.Should().Be(Severity.Error);
    }

    [Fact]
    public async Task AnotherUsersJobCompletes_NoSnackbarNoCount()
    {
        var bell = Render<NotificationBell>();
        var theirs = await CreateJobAsync(owner: OtherUserId);
        bell.WaitForAssertion(() => Events.SubscriptionCount.Should().Be(1));

        await Driver.CompleteAsync(theirs.Id);

        Services.GetRequiredService<ISnackbar>().ShownSnackbars.Should().BeEmpty();
        bell.FindAll(".mud-badge").Should().BeEmpty();
    }

    [Fact]
    public async Task Open_ListsTitleOutcomeAndLinkThenMarkAllReadClearsTheCount()
    {
        var done = await CreateJobAsync(title: "One");
        var broken = await CreateJobAsync(title: "Two");
        await Driver.CompleteAsync(done.Id);
        await Driver.FailAsync(broken.Id, "the provider is down");
        var popovers = Render<MudPopoverProvider>();
        var bell = Render<NotificationBell>();
        bell.WaitForAssertion(() => bell.Find(".mud-badge").TextContent.Trim().Should().Be("2"));

        await bell.Find("button[aria-label=Notifications]").ClickAsync(new());

        popovers.WaitForAssertion(() => popovers.FindAll("[data-testid=notification-item]").Should().HaveCount(2));
        var items = popovers.FindAll("[data-testid=notification-item]");
        items[0].TextContent.Should().Contain("Two").And.Contain("failed: the provider is down");
        items[1].TextContent.Should().Contain("One").And.Contain("completed");
        popovers.FindAll($"a[href='/jobs/{done.Id}']").Should().ContainSingle();

        await popovers.Find("button[data-testid=notification-mark-all]").ClickAsync(new());

        bell.WaitForAssertion(() => bell.FindAll(".mud-badge").Should().BeEmpty());
        (await Center.InboxAsync(UserId, CancellationToken.None)).Unread.Should().Be(0);
    }

    [Fact]
    public async Task Open_UnreadAndReadLookDifferent_AndOpeningOneMarksItReadAndLowersTheCount()
    {
        var seen = await CreateJobAsync(title: "Seen");
        await Driver.CompleteAsync(seen.Id);
        await Center.MarkAllReadAsync(UserId, CancellationToken.None);
        var fresh = await CreateJobAsync(title: "Fresh");
        var other = await CreateJobAsync(title: "Other");
        await Driver.CompleteAsync(fresh.Id);
        await Driver.FailAsync(other.Id, "broken");
        var popovers = Render<MudPopoverProvider>();
        var bell = Render<NotificationBell>();
        bell.WaitForAssertion(() => bell.Find(".mud-badge").TextContent.Trim().Should().Be("2"));

        await bell.Find("button[aria-label=Notifications]").ClickAsync(new());

        popovers.WaitForAssertion(() => popovers.FindAll("[data-testid=notification-item]").Should().HaveCount(3));
        var unread = popovers.FindAll("[data-testid=notification-item].unread");
        unread.Select(i => i.QuerySelector(".notification-title")!.TextContent).Should().BeEquivalentTo("Fresh", "Other");
        unread.Should().OnlyContain(i => i.QuerySelector("[data-testid=notification-unread-dot]") != null);
        var read = popovers.Find("[data-testid=notification-item].read");
        read.QuerySelector(".notification-title")!.TextContent.Should().Be("Seen");
        read.QuerySelector("[data-testid=notification-unread-dot]").Should().BeNull();

        var freshRow = popovers.FindAll("[data-testid=notification-item].unread")
            .Single(i => i.TextContent.Contains("Fresh", StringComparison.Ordinal)).QuerySelector(".notification-row")!;
        await freshRow.ClickAsync(new());

        bell.WaitForAssertion(() => bell.Find(".mud-badge").TextContent.Trim().Should().Be("1"));
        var inbox = await Center.InboxAsync(UserId, CancellationToken.None);
        inbox.Latest.Single(n => n.JobId == fresh.Id).IsRead.Should().BeTrue();
        inbox.Latest.Single(n => n.JobId == other.Id).IsRead.Should().BeFalse("only the opened one is read");
    }

    [Fact]
    public void Open_NoNotifications_SaysSo()
    {
        var popovers = Render<MudPopoverProvider>();
        var bell = Render<NotificationBell>();

        bell.Find("button[aria-label=Notifications]").Click();

        popovers.WaitForAssertion(() => popovers.Find("[data-testid=notification-empty]").TextContent.Should().Contain("No notifications yet"));
    }

    [Fact]
    public async Task Dispose_Unsubscribes()
    {
        var bell = Render<NotificationBell>();
        bell.WaitForAssertion(() => Events.SubscriptionCount.Should().Be(1));

        await DisposeComponentsAsync();

        Events.SubscriptionCount.Should().Be(0);
    }
}
