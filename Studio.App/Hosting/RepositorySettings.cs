using Microsoft.Extensions.Configuration.Json;

namespace Studio.App.Hosting;

/// <summary>Loads the repository's root <c>appsettings.json</c>, which the build copies beside the app.</summary>
internal static class RepositorySettings
{
    /// <summary>
    /// Adds the copied settings file right after the content root's own appsettings.json slot, so that
    /// environment-specific files, environment variables (<c>Studio__Section__Key</c>) and the command line still override it.
    /// </summary>
    public static IConfigurationBuilder AddRepositorySettings(this IConfigurationManager configuration, IHostEnvironment environment)
    {
        var copied = Path.Combine(AppContext.BaseDirectory, "appsettings.json");
        var inContentRoot = Path.Combine(environment.ContentRootPath, "appsettings.json");
        if (!File.Exists(copied) || File.Exists(inContentRoot))
        {
            return configuration;
        }

        var sources = configuration.Sources;
        var slot = sources.Select((s, i) => (s, i)).FirstOrDefault(x => x.s is JsonConfigurationSource { Path: "appsettings.json" }).i;
        var source = new JsonConfigurationSource { Path = copied, Optional = false, ReloadOnChange = false };
        source.ResolveFileProvider();
        sources.Insert(slot + 1, source);
        return configuration;
    }
}
