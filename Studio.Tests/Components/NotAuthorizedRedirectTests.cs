using Bunit;
using Bunit.TestDoubles;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.Extensions.DependencyInjection;
using Studio.App.Components.Pages.Admin;
using Studio.App.Components.Shared;

namespace Studio.Tests.Components;

/// <summary>
/// The router's answer to a page the user may not open (the NotAuthorized of Routes' AuthorizeRouteView): access denied
/// when signed in, the sign-in page when not.
/// </summary>
public sealed class NotAuthorizedRedirectTests : AdminComponentTest
{
    [Fact]
    public void SignedInUserWithoutTheRole_FollowsALinkToAdmin_GetsAccessDeniedNotTheSignInPage()
    {
        Auth.SetRoles();
        var navigation = Services.GetRequiredService<NavigationManager>();
        navigation.NavigateTo("/admin");

        RenderAdminRoute();

        navigation.Uri.Should().EndWith("/access-denied");
        navigation.Uri.Should().NotContain("/account/login");
    }

    [Fact]
    public void SignedOut_FollowsALinkToAdmin_GoesToSignInAndBack()
    {
        Auth.SetRoles();
        Auth.SetNotAuthorized();
        var navigation = Services.GetRequiredService<NavigationManager>();
        navigation.NavigateTo("/admin/users");

        RenderAdminRoute();

        var history = Services.GetRequiredService<BunitNavigationManager>().History;
        var login = history.FirstOrDefault(h => h.Uri.Contains("login", StringComparison.Ordinal)) ?? throw new InvalidOperationException(string.Join(" | ", history.Select(h => h.Uri)));
        login.Uri.Should().EndWith("/account/login?returnUrl=admin%2Fusers");
        login.Options.ForceLoad.Should().BeTrue("the sign-in page is a static page, outside the circuit");
    }

    [Fact]
    public void Admin_OpensAdmin_StaysThere()
    {
        var navigation = Services.GetRequiredService<NavigationManager>();
        navigation.NavigateTo("/admin");

        RenderAdminRoute();

        navigation.Uri.Should().EndWith("/admin");
    }

    [Fact]
    public void Routes_UsesThisRedirect()
    {
        var source = File.ReadAllText(Path.Combine(RepositoryRoot(), "Studio.App", "Components", "Routes.razor"));

        source.Should().Contain("<NotAuthorizedRedirect State=\"context\" />");
    }

    private IRenderedComponent<AuthorizeRouteView> RenderAdminRoute() => Render<AuthorizeRouteView>(p => p
        .Add(x => x.RouteData, new RouteData(typeof(AdminPage), new Dictionary<string, object?>()))
        .Add(x => x.NotAuthorized, state => builder =>
        {
            builder.OpenComponent<NotAuthorizedRedirect>(0);
            builder.AddComponentParameter(1, nameof(NotAuthorizedRedirect.State), state);
            builder.CloseComponent();
        }));

    private static string RepositoryRoot()
    {
        var folder = new DirectoryInfo(AppContext.BaseDirectory);
        while (folder is not null && !File.Exists(Path.Combine(folder.FullName, "Studio.sln")))
        {
            folder = folder.Parent;
        }

        return folder?.FullName ?? throw new InvalidOperationException("Studio.sln not found above the test binaries.");
    }
}
