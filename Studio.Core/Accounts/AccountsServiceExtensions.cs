using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace Studio.Core.Accounts;

/// <summary>Registers the account rules and services on top of Identity's user store.</summary>
public static class AccountsServiceExtensions
{
    /// <summary>Adds <see cref="AccountOptions"/> (validated at start), the lockout they set, user administration and API tokens.</summary>
    public static IServiceCollection AddStudioAccounts(this IServiceCollection services)
    {
        services.AddOptions<AccountOptions>().BindConfiguration(AccountOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<IdentityOptions>().Configure<IOptions<AccountOptions>>((identity, accounts) =>
        {
            identity.Lockout.AllowedForNewUsers = true;
            identity.Lockout.MaxFailedAccessAttempts = accounts.Value.MaxFailedSignIns;
            identity.Lockout.DefaultLockoutTimeSpan = accounts.Value.LockoutTime;
        });
        services.AddScoped<UserAdministration>();
        services.TryAddSingleton<ISignInFailureCounter, InProcessSignInFailureCounter>();
        services.AddSingleton<UnknownSignIns>();
        services.AddSingleton<ApiTokenService>();
        return services;
    }
}
