using Microsoft.Extensions.DependencyInjection;

namespace Studio.Core.Admin;

/// <summary>Registers the admin's commands and queries over every user's jobs and accounts.</summary>
public static class AdminServiceExtensions
{
    /// <summary>Adds <see cref="AdminJobs"/> and <see cref="AdminUsers"/> (singletons: they open short contexts and scopes per call).</summary>
    public static IServiceCollection AddStudioAdmin(this IServiceCollection services)
    {
        services.AddSingleton<AdminJobs>();
        services.AddSingleton<AdminUsers>();
        return services;
    }
}
