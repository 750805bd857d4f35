using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using Studio.Core.Providers;

namespace Studio.Providers.Http;

/// <summary>Registers a hosted video provider: its options, its typed HTTP client behind the provider pipeline, and itself.</summary>
public static class HostedVideoProviderRegistration
{
    /// <summary>
    /// Adds <typeparamref name="TProvider"/> as an <see cref="IVideoProvider"/> with options <typeparamref name="TOptions"/>
    /// bound from <paramref name="section"/> and validated at start, and its typed client <typeparamref name="TClient"/>
    /// (base address <see cref="HostedVideoProviderOptions.BaseUrl"/>, pipeline tuned under <c>{section}:Http</c>).
    /// Nothing is added when the section says <c>Enabled: false</c>, or the provider was added before.
    /// </summary>
    /// <param name="builder">The host builder.</param>
    /// <param name="providerName">The provider's name (jobs, API, HttpClient, pipeline).</param>
    /// <param name="section">Its configuration section, e.g. <c>Studio:Providers:Luma</c>.</param>
    /// <param name="authorize">Sets the authentication (and other fixed) headers of each new client from the options.</param>
    /// <returns>The client builder, or null when nothing was added.</returns>
    public static IHttpClientBuilder? AddHostedVideoProvider<TProvider, TClient, TOptions>(
        this IHostApplicationBuilder builder,
        string providerName,
        string section,
        Action<TOptions, HttpClient> authorize)
        where TProvider : class, IVideoProvider
        where TClient : class
        where TOptions : HostedVideoProviderOptions
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(authorize);
        var services = builder.Services;
        if (services.Any(d => d.ServiceType == typeof(TProvider))
            || !builder.Configuration.GetSection(section).GetValue(nameof(HostedVideoProviderOptions.Enabled), defaultValue: true))
        {
            return null;
        }

        services.AddOptions<TOptions>().BindConfiguration(section).ValidateDataAnnotations().ValidateOnStart();
        services.TryAddSingleton(TimeProvider.System);
        var client = services.AddProviderHttpClient<TClient>(providerName, $"{section}:{ProviderHttpOptions.SubSection}", (sp, http) =>
        {
            var options = sp.GetRequiredService<IOptions<TOptions>>().Value;
            http.BaseAddress = options.BaseAddress;
            authorize(options, http);
        });
        services.AddSingleton<TProvider>();
        services.AddSingleton<IVideoProvider>(sp => sp.GetRequiredService<TProvider>());
        return client;
    }
}
