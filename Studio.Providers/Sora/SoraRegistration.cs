using System.Net.Http.Headers;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using Studio.Providers.Http;

namespace Studio.Providers.Sora;

/// <summary>Registers the <c>sora</c> provider and its client (Bearer key, optional organisation and project headers).</summary>
internal static class SoraRegistration
{
    public static void AddSoraProvider(IHostApplicationBuilder builder)
    {
        var added = builder.AddHostedVideoProvider<SoraVideoProvider, SoraApiClient, SoraOptions>(
            SoraVideoProvider.ProviderName,
            SoraOptions.Section,
            (options, http) =>
            {
                if (options.IsConfigured)
                {
                    http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", options.ApiKey);
                }

                if (options.Organization.Length > 0)
                {
                    http.DefaultRequestHeaders.Add("OpenAI-Organization", options.Organization);
                }

                if (options.Project.Length > 0)
                {
                    http.DefaultRequestHeaders.Add("OpenAI-Project", options.Project);
                }
            });
        if (added is not null)
        {
            builder.Services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<SoraOptions>, SoraOptionsValidator>());
        }
    }
}
