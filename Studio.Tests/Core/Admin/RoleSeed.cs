using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Studio.Core.Accounts;

namespace Studio.Tests.Core.Admin;

/// <summary>Adds Studio's roles, as the bootstrapper does at start, without its first admin account.</summary>
internal static class RoleSeed
{
    public static async Task AddRolesAsync(IServiceProvider services)
    {
        await using var scope = services.CreateAsyncScope();
        var roles = scope.ServiceProvider.GetRequiredService<RoleManager<IdentityRole>>();
        foreach (var role in StudioRoles.All)
        {
            if (!await roles.RoleExistsAsync(role))
            {
                (await roles.CreateAsync(new IdentityRole(role))).Succeeded.Should().BeTrue();
            }
        }
    }
}
