using System.Net.Http.Headers;
using Microsoft.Extensions.Hosting;
using Studio.Providers.Http;

namespace Studio.Providers.Runway;

/// <summary>Registers the <c>runway</c> provider: its options, its API client (key and version headers) and its keyless result client.</summary>
internal static class RunwayRegistration
{
    /// <summary>The header naming the API version Studio speaks; Runway refuses calls without it.</summary>
    public const string VersionHeader = "X-Runway-Version";

    public static void AddRunwayProvider(IHostApplicationBuilder builder)
    {
        var api = builder.AddHostedVideoProvider<RunwayVideoProvider, RunwayApiClient, RunwayOptions>(
            RunwayVideoProvider.ProviderName,
            RunwayOptions.Section,
            (options, http) =>
            {
                if (options.IsConfigured)
                {
                    http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", options.ApiKey);
                }

                http.DefaultRequestHeaders.Add(VersionHeader, options.ApiVersion);
            });
        if (api is null)
        {
            return;
        }

        // Results live on Runway's CDN behind signed URLs: a client of their own, through the same kind of pipeline
        // (tuned by the same Http section), that never carries the key.
        builder.Services.AddProviderHttpClient<RunwayResultClient>(
            RunwayResultClient.ClientName,
            $"{RunwayOptions.Section}:{ProviderHttpOptions.SubSection}",
            (_, _) => { });
    }
}
