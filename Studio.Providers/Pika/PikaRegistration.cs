using System.Net.Http.Headers;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using Studio.Providers.Http;

namespace Studio.Providers.Pika;

/// <summary>
/// Registers the <c>pika</c> provider: its options, its API client (<c>Authorization: Key …</c>), its result client
/// (the same key, no retries) and its keyless CDN client.
/// </summary>
internal static class PikaRegistration
{
    public static void AddPikaProvider(IHostApplicationBuilder builder)
    {
        var api = builder.AddHostedVideoProvider<PikaVideoProvider, PikaApiClient, PikaOptions>(
            PikaVideoProvider.ProviderName,
            PikaOptions.Section,
            Authorize);
        if (api is null)
        {
            return;
        }

        var services = builder.Services;
        const string httpSection = $"{PikaOptions.Section}:{ProviderHttpOptions.SubSection}";

        // Results carry the model's own error status, the same at every try: read once, on a circuit of their own.
        services.AddProviderHttpClient<PikaResultClient>(PikaResultClient.ClientName, httpSection, (sp, http) =>
        {
            var options = sp.GetRequiredService<IOptions<PikaOptions>>().Value;
            http.BaseAddress = options.BaseAddress;
            Authorize(options, http);
        });
        services.PostConfigure<ProviderHttpOptions>(PikaResultClient.ClientName, o => o.MaxRetryAttempts = 0);

        // The result file sits on fal's media CDN: same pipeline rules, its own circuit, and never the key.
        services.AddProviderHttpClient<PikaMediaClient>(PikaMediaClient.ClientName, httpSection, (_, _) => { });
    }

    private static void Authorize(PikaOptions options, HttpClient http)
    {
        if (options.IsConfigured)
        {
            // fal's scheme is the literal word "Key", not "Bearer".
            http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Key", options.ApiKey);
        }
    }
}
