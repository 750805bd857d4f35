using Bunit;
using AngleSharp.Dom;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;
using Studio.App.Components.Admin;
using Studio.App.Components.Pages.Admin;
using Studio.Core.Accounts;

namespace Studio.Tests.Components;

/// <summary>The admin page's gate, as the router applies it: an admin gets the tabs, anyone else gets nothing of them.</summary>
public sealed class AdminPageTests : AdminComponentTest
{
    [Fact]
    public void AdminPage_IsForTheAdminRoleOnly()
    {
        var authorize = typeof(AdminPage).GetCustomAttributes(typeof(AuthorizeAttribute), inherit: true).Cast<AuthorizeAttribute>();

        authorize.Should().ContainSingle().Which.Roles.Should().Be(StudioRoles.Admin);
    }

    [Fact]
    public async Task Admin_OpensAdmin_SeesTheTabsAndEveryUsersJobs()
    {
        var alice = await AddUserAsync("alice@example.com");
        await CreateJobAsync(title: "Alice's video", owner: alice);
        Render<MudPopoverProvider>();

        var page = RenderRoute();

        page.WaitForAssertion(() => page.FindAll("[data-testid=job-title]").Select(e => e.TextContent).Should().Equal("Alice's video"));
        page.Find("h1").TextContent.Should().Be("Administration");
        page.FindAll(".mud-tab").Select(t => t.TextContent.Trim()).Should().Equal("Jobs", "Users", "Providers", "Spend", "Audit");
        page.Find("[data-testid=job-owner]").TextContent.Should().Be("alice@example.com");
        page.Markup.Should().NotContain("refused");
    }

    [Fact]
    public async Task User_OpensAdmin_IsRefusedAndSeesNoAdminData()
    {
        var alice = await AddUserAsync("alice@example.com");
        await CreateJobAsync(title: "Alice's secret", owner: alice);
        Auth.SetRoles();

        var page = RenderRoute();

        page.Find("[data-testid=refused]").TextContent.Should().Be("refused");
        page.Markup.Should().NotContain("Alice's secret").And.NotContain("admin-tabs").And.NotContain("alice@example.com");
        page.FindComponents<AdminJobsPanel>().Should().BeEmpty();
    }

    [Fact]
    public async Task Admin_ClicksATab_TheAddressFollows()
    {
        await AddUserAsync("alice@example.com");
        Render<MudPopoverProvider>();
        var navigation = Services.GetRequiredService<NavigationManager>();
        var start = navigation.Uri;

        var page = RenderRoute();
        page.WaitForAssertion(() => page.FindAll(".mud-tab").Should().HaveCount(5));

        navigation.Uri.Should().Be(start, "building the tabs is not a click");
        page.FindAll(".mud-tab")[1].Click();
        navigation.Uri.Should().EndWith("/admin/users");
        var opened = navigation.Uri;

        await DisposeComponentsAsync();
        navigation.Uri.Should().Be(opened, "tearing the tabs down (the circuit closing) is not a click either");
    }

    private IRenderedComponent<AuthorizeRouteView> RenderRoute() => Render<AuthorizeRouteView>(p => p
        .Add(x => x.RouteData, new RouteData(typeof(AdminPage), new Dictionary<string, object?>()))
        .Add(x => x.NotAuthorized, _ => builder =>
        {
            builder.OpenElement(0, "p");
            builder.AddAttribute(1, "data-testid", "refused");
            builder.AddContent(2, "refused");
            builder.CloseElement();
        }));
}
