using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using Studio.Core.Providers;
using Studio.Core.Voice;
using Studio.Providers.Espeak;
using Studio.Providers.Local;

namespace Studio.Providers;

/// <summary>Registers Studio's video providers.</summary>
public static class ProvidersServiceExtensions
{
    /// <summary>
    /// Adds the providers: today the <c>local</c> one (<see cref="LocalVideoProvider"/>) with its options from
    /// <c>Studio:Providers:Local</c>, validated at start. Needs Core's registrations (<c>AddStudioCore</c>):
    /// <c>IMediaEngine</c>, <c>StudioPaths</c>, <c>IFileStore</c>.
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

        services.AddOptions<EspeakOptions>().BindConfiguration(EspeakOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IVoiceEngine, EspeakVoiceEngine>());
        return builder;
    }
}
