using System.Net.Http.Headers;
using Microsoft.Extensions.Hosting;
using Studio.Providers.Http;

namespace Studio.Providers.Stability;

/// <summary>Registers the <c>stability</c> provider: its options and its API client (bearer key).</summary>
internal static class StabilityRegistration
{
    public static void AddStabilityProvider(IHostApplicationBuilder builder) =>
        builder.AddHostedVideoProvider<StabilityVideoProvider, StabilityApiClient, StabilityOptions>(
            StabilityVideoProvider.ProviderName,
            StabilityOptions.Section,
            (options, http) =>
            {
                if (options.IsConfigured)
                {
                    http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", options.ApiKey);
                }
            });
}
