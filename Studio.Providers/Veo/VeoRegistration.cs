using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Studio.Providers.Http;

namespace Studio.Providers.Veo;

/// <summary>Registers the <c>veo</c> provider: its options, its API client (key header) and its download client (redirects followed without the key).</summary>
internal static class VeoRegistration
{
    public static void AddVeoProvider(IHostApplicationBuilder builder)
    {
        var api = builder.AddHostedVideoProvider<VeoVideoProvider, VeoApiClient, VeoOptions>(
            VeoVideoProvider.ProviderName,
            VeoOptions.Section,
            (options, http) =>
            {
                if (options.IsConfigured)
                {
                    http.DefaultRequestHeaders.Add(VeoDownloadClient.KeyHeader, options.ApiKey);
                }
            });
        if (api is null)
        {
            return;
        }

        builder.Services
            .AddProviderHttpClient<VeoDownloadClient>(VeoDownloadClient.ClientName, $"{VeoOptions.Section}:{ProviderHttpOptions.SubSection}", (_, _) => { })
            .ConfigurePrimaryHttpMessageHandler(() => new SocketsHttpHandler { AllowAutoRedirect = false });
    }
}
