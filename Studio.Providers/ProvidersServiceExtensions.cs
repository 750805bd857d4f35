using Microsoft.Extensions.Hosting;

namespace Studio.Providers;

/// <summary>Registers the video providers.</summary>
public static class ProvidersServiceExtensions
{
    /// <summary>Adds the providers.</summary>
    public static IHostApplicationBuilder AddStudioProviders(this IHostApplicationBuilder builder) => builder;
}
