using System.Net.Http.Headers;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Studio.Core.Media;
using Studio.Core.Providers;
using Studio.Providers.Http;

namespace Studio.Providers.Sim;

/// <summary>Registers the <c>sim</c> provider, its client and (unless <see cref="SimProviderOptions.BaseUrl"/> is set) its own server.</summary>
internal static class SimRegistration
{
    public static void AddSimProvider(IHostApplicationBuilder builder)
    {
        var services = builder.Services;
        if (services.Any(d => d.ServiceType == typeof(SimVideoProvider))
            || !builder.Configuration.GetSection(SimProviderOptions.Section).GetValue(nameof(SimProviderOptions.Enabled), defaultValue: true))
        {
            return;
        }

        services.AddOptions<SimProviderOptions>()
            .BindConfiguration(SimProviderOptions.Section)
            .ValidateDataAnnotations()
            .ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<SimProviderOptions>, SimProviderOptionsValidator>());
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton(sp => new SimServer(
            sp.GetRequiredService<IOptions<SimProviderOptions>>().Value,
            sp.GetRequiredService<IMediaEngine>(),
            sp.GetRequiredService<TimeProvider>(),
            sp.GetRequiredService<ILogger<SimServer>>()));
        services.AddHostedService<SimServerHost>();
        services.AddProviderHttpClient<SimApiClient>(SimVideoProvider.ProviderName, SimProviderOptions.HttpSection, ConfigureClient);
        services.AddSingleton<SimVideoProvider>();
        services.AddSingleton<IVideoProvider>(sp => sp.GetRequiredService<SimVideoProvider>());
    }

    private static void ConfigureClient(IServiceProvider services, HttpClient client)
    {
        var options = services.GetRequiredService<IOptions<SimProviderOptions>>().Value;
        var address = string.IsNullOrWhiteSpace(options.BaseUrl)
            ? services.GetRequiredService<SimServer>().AddressForClients()
            : new Uri(options.BaseUrl.EndsWith('/') ? options.BaseUrl : options.BaseUrl + "/");
        client.BaseAddress = address;
        if (options.ApiKey.Length > 0)
        {
            client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", options.ApiKey);
        }
    }
}
