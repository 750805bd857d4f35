using System.Net.Http.Headers;
using Microsoft.Extensions.Hosting;
using Studio.Providers.Http;

namespace Studio.Providers.Pika;

/// <summary>Registers the <c>pika</c> provider: its options, its API client (<c>Authorization: Key …</c>) and its keyless CDN client.</summary>
internal static class PikaRegistration
{
    public static void AddPikaProvider(IHostApplicationBuilder builder)
    {
        var api = builder.AddHostedVideoProvider<PikaVideoProvider, PikaApiClient, PikaOptions>(
            PikaVideoProvider.ProviderName,
            PikaOptions.Section,
            (options, http) =>
            {
                if (options.IsConfigured)
                {
                    // fal's scheme is the literal word "Key", not "Bearer".
                    http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Key", options.ApiKey);
                }
            });
        if (api is null)
        {
            return;
        }

        // The result file sits on fal's media CDN: same pipeline rules, its own circuit, and never the key.
        builder.Services.AddProviderHttpClient<PikaMediaClient>(PikaMediaClient.ClientName, $"{PikaOptions.Section}:{ProviderHttpOptions.SubSection}", (_, _) => { });
    }
}
