using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using Studio.Core.Providers;
using Studio.Providers.Local;
using Studio.Providers.Sim;

namespace Studio.Providers;

/// <summary>Registers Studio's video providers.</summary>
public static class ProvidersServiceExtensions
{
    /// <summary>
    /// Adds the providers, each with its options validated at start: the <c>local</c> one
    /// (<see cref="LocalVideoProvider"/>, <c>Studio:Providers:Local</c>) and, unless
    /// <c>Studio:Providers:Sim:Enabled</c> is false, the <c>sim</c> one (<see cref="SimVideoProvider"/>,
    /// <c>Studio:Providers:Sim</c>) with its own <see cref="SimServer"/> started with the host when no
    /// <c>BaseUrl</c> is set. Needs Core's registrations (<c>AddStudioCore</c>): <c>IMediaEngine</c>,
    /// <c>StudioPaths</c>, <c>IFileStore</c>. Calling it twice registers nothing twice.
    /// </summary>
    public static IHostApplicationBuilder AddStudioProviders(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var services = builder.Services;
        services.AddOptions<LocalProviderOptions>()
            .BindConfiguration(LocalProviderOptions.Section)
            .ValidateDataAnnotations()
            .ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<LocalProviderOptions>, LocalProviderOptionsValidator>());
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<LocalRenderRegistry>();
        services.TryAddSingleton<LocalClipRenderer>();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IVideoProvider, LocalVideoProvider>());
        SimRegistration.AddSimProvider(builder);
        return builder;
    }
}
