using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using Studio.Core.Accounts;
using Studio.Core.Events;

namespace Studio.Core.Redis;

/// <summary>Registers what goes through Redis when <c>Studio:Redis:Connection</c> is set.</summary>
public static class RedisServiceExtensions
{
    /// <summary>
    /// Adds <see cref="RedisOptions"/> (validated at start). When a connection is configured, replaces the in-memory
    /// job events and sign-in failure counts with their Redis versions; otherwise leaves everything as it is.
    /// Call it after the in-memory registrations.
    /// </summary>
    public static IServiceCollection AddStudioRedis(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        services.AddOptions<RedisOptions>().BindConfiguration(RedisOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<RedisOptions>, RedisOptionsValidation>());
        if (!IsConfigured(configuration))
        {
            return services;
        }

        services.TryAddSingleton<RedisConnection>();
        services.Replace(ServiceDescriptor.Singleton<IJobEvents, RedisJobEvents>());
        services.Replace(ServiceDescriptor.Singleton<ISignInFailureCounter, RedisSignInFailureCounter>());
        return services;
    }

    /// <summary>Whether <paramref name="configuration"/> sets <c>Studio:Redis:Connection</c>.</summary>
    public static bool IsConfigured(IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        return !string.IsNullOrWhiteSpace(configuration[$"{RedisOptions.Section}:{nameof(RedisOptions.Connection)}"]);
    }
}
