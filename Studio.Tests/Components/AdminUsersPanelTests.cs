using Bunit;
using AngleSharp.Dom;
using MudBlazor;
using Studio.App.Components.Admin;

namespace Studio.Tests.Components;

/// <summary>The admin's users tab: creating a user with the errors at their fields, and the list with budgets and spending.</summary>
public sealed class AdminUsersPanelTests : AdminComponentTest
{
    [Fact]
    public void NoUsers_SaysCreateTheFirst()
    {
        Render<MudPopoverProvider>();

        var panel = Render<AdminUsersPanel>();

        panel.WaitForAssertion(() => panel.Find("[data-testid=users-empty]").TextContent.Should().Contain("create the first one"));
    }

    [Fact]
    public void Create_ShortPassword_ShowsThePasswordRuleAtThePasswordField_AndCreatesNobody()
    {
        Render<MudPopoverProvider>();
        var panel = Render<AdminUsersPanel>();
        panel.WaitForAssertion(() => panel.Find("[data-testid=users-empty]"));

        Field(panel, "new-email").Change("new@example.com");
        Field(panel, "new-password").Change("short");
        panel.Find("[data-testid=create-user-submit]").Click();

        panel.WaitForAssertion(() => ErrorOf(panel, "new-password").Should().Contain("at least 10 characters"));
        ErrorOf(panel, "new-email").Should().BeEmpty();
        panel.FindAll("[data-testid=user-created]").Should().BeEmpty();
        panel.Find("[data-testid=users-empty]");
    }

    [Fact]
    public void Create_NoEmail_SaysSoAtTheEmailField()
    {
        Render<MudPopoverProvider>();
        var panel = Render<AdminUsersPanel>();
        panel.WaitForAssertion(() => panel.Find("[data-testid=users-empty]"));

        Field(panel, "new-password").Change("Long-enough-pass-1");
        panel.Find("[data-testid=create-user-submit]").Click();

        panel.WaitForAssertion(() => ErrorOf(panel, "new-email").Should().Contain("Enter an e-mail address."));
    }

    [Fact]
    public void Create_Valid_ListsTheNewUserWithTheDefaultBudgetAndNothingSpent()
    {
        Render<MudPopoverProvider>();
        var panel = Render<AdminUsersPanel>();
        panel.WaitForAssertion(() => panel.Find("[data-testid=users-empty]"));

        Field(panel, "new-email").Change("new@example.com");
        Field(panel, "new-password").Change("Long-enough-pass-1");
        panel.Find("[data-testid=create-user-submit]").Click();

        panel.WaitForAssertion(() => panel.Find("[data-testid=user-created]").TextContent.Should().Contain("new@example.com can now sign in."));
        panel.FindAll("[data-testid=user-email]").Select(e => e.TextContent).Should().Equal("new@example.com");
        panel.Find("[data-testid=user-spent]").TextContent.Should().Be("$0.00");
    }

    private static IElement Field(IRenderedComponent<AdminUsersPanel> panel, string testId)
    {
        var element = panel.Find($"[data-testid={testId}]");
        return element.TagName is "INPUT" or "TEXTAREA" ? element : element.QuerySelector("input, textarea")!;
    }

    private static string ErrorOf(IRenderedComponent<AdminUsersPanel> panel, string testId)
    {
        var field = panel.Find($"[data-testid={testId}]");
        var control = field.Closest(".mud-input-control") ?? field;
        return control.QuerySelector(".mud-input-helper-text.mud-input-error")?.TextContent.Trim() ?? string.Empty;
    }
}
