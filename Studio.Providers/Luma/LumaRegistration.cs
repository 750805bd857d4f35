using System.Net.Http.Headers;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Studio.Providers.Http;

namespace Studio.Providers.Luma;

/// <summary>Registers the <c>luma</c> provider, its API client (with the key) and its result client (without it).</summary>
internal static class LumaRegistration
{
    public static void AddLumaProvider(IHostApplicationBuilder builder)
    {
        var added = builder.AddHostedVideoProvider<LumaVideoProvider, LumaApiClient, LumaOptions>(
            LumaVideoProvider.ProviderName,
            LumaOptions.Section,
            (options, http) =>
            {
                if (options.IsConfigured)
                {
                    http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", options.ApiKey);
                }

                http.DefaultRequestHeaders.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
            });
        if (added is null)
        {
            return;
        }

        // Finished clips live on Luma's CDN: a client of their own that never carries the key, behind the same
        // pipeline rules (tuned by the same Http section) with a circuit of its own, so a CDN hiccup does not stop submissions.
        builder.Services.AddProviderHttpClient<LumaAssetClient>(
            LumaAssetClient.ClientName,
            $"{LumaOptions.Section}:{ProviderHttpOptions.SubSection}",
            (_, _) => { });
    }
}
