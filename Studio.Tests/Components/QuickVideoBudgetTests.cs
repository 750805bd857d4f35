using Bunit;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;
using Studio.App.Components.Pages;
using Studio.Core.Jobs;

namespace Studio.Tests.Components;

/// <summary>A quick video whose estimate is over the user's monthly budget is kept as a draft, and the form says why.</summary>
public sealed class QuickVideoBudgetTests : StudioComponentTest
{
    protected override StudioServicesBuilder Configure(StudioServicesBuilder builder) => builder
        .WithProvider(new InertVideoProvider("local"))
        .WithProvider(new ConfigurableVideoProvider("luma", "Luma Dream Machine") { Model = "ray-2", Resolution = "720p", PerSecondUsd = 0.03m })
        .WithMonthlyBudget(0.50m);

    [Fact]
    public async Task Generate_OverTheMonthlyBudget_SaysWhyAndKeepsADraft()
    {
        Render<MudPopoverProvider>();
        var page = Render<QuickVideo>();
        page.WaitForAssertion(() => page.FindAll("[data-testid=estimate-total]").Should().ContainSingle());
        var provider = page.FindComponents<MudSelect<string>>().Single(s => s.Instance.Label == "Video provider");
        page.Find("textarea").Input("Three habits of fast remote teams");
        await provider.InvokeAsync(() => provider.Instance.ValueChanged.InvokeAsync("luma"));
        page.WaitForAssertion(() => page.Find("[data-testid=estimate-total]").TextContent.Should().Be("$0.90"));

        await page.Find("button[data-testid=generate]").ClickAsync(new());

        page.WaitForAssertion(() => page.Markup.Should().Contain("Over your monthly budget").And.Contain("kept as a draft"));
        var created = (await Jobs.ListAsync(UserId, CancellationToken.None)).Should().ContainSingle().Subject;
        created.Status.Should().Be(JobStatus.Draft);
        Services.GetRequiredService<Microsoft.AspNetCore.Components.NavigationManager>().Uri.Should().NotContain("/jobs/", "the form stays open to say why");
    }
}
