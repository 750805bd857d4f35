using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using MudBlazor;
using Studio.App.Auth;
using Studio.App.Hosting;

namespace Studio.Tests.App;

/// <summary>What the web host's registration sets for the shell: where snackbars appear, and how often sign-ins are re-checked.</summary>
public sealed class AppWiringTests
{
    [Fact]
    public void Snackbars_AreBottomRight_NotOverTheAppBar()
    {
        using var services = Build();

        var snackbars = services.GetRequiredService<IOptions<SnackbarConfiguration>>().Value;

        snackbars.PositionClass.Should().Be(Defaults.Classes.Position.BottomRight);
        snackbars.PositionClass.Should().NotContain("top");
    }

    [Fact]
    public void SignIns_AreRevalidatedEveryFifteenSecondsByDefault_CookiesAndOpenPagesAlike()
    {
        using var services = Build();

        services.GetRequiredService<IOptions<SecurityStampValidatorOptions>>().Value.ValidationInterval.Should().Be(TimeSpan.FromSeconds(15));
        services.GetRequiredService<IOptions<SignInRevalidationOptions>>().Value.RevalidationInterval.Should().Be(TimeSpan.FromSeconds(15));
        using var scope = services.CreateScope();
        scope.ServiceProvider.GetRequiredService<AuthenticationStateProvider>().Should().BeOfType<RevalidatingIdentityStateProvider>();
    }

    [Fact]
    public void RevalidationInterval_FollowsConfiguration()
    {
        using var services = Build(("Studio:Sessions:RevalidationInterval", "00:00:05"));

        services.GetRequiredService<IOptions<SecurityStampValidatorOptions>>().Value.ValidationInterval.Should().Be(TimeSpan.FromSeconds(5));
    }

    [Fact]
    public void RevalidationInterval_OutOfRange_FailsValidation()
    {
        using var services = Build(("Studio:Sessions:RevalidationInterval", "00:00:00"));

        var read = () => services.GetRequiredService<IOptions<SignInRevalidationOptions>>().Value;

        read.Should().Throw<OptionsValidationException>();
    }

    private static ServiceProvider Build(params (string Key, string Value)[] settings)
    {
        var builder = WebApplication.CreateBuilder();
        foreach (var (key, value) in settings)
        {
            builder.Configuration[key] = value;
        }

        builder.AddStudioApp();
        return builder.Services.BuildServiceProvider();
    }
}
