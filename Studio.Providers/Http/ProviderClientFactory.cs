using Microsoft.Extensions.DependencyInjection;

namespace Studio.Providers.Http;

/// <summary>
/// Hands a long-lived provider (an <c>IVideoProvider</c> singleton) a fresh typed client for each call, as
/// IHttpClientFactory intends: a typed client held for the life of the process would pin one handler and never see
/// DNS changes. The pipeline (and so the circuit breaker) behind every client of a provider is the same one.
/// </summary>
/// <typeparam name="TClient">The provider's typed client, registered with <see cref="ProviderHttpServiceCollectionExtensions.AddProviderHttpClient{TClient}"/>.</typeparam>
public sealed class ProviderClientFactory<TClient>(IServiceProvider services)
    where TClient : class
{
    /// <summary>A new typed client over the provider's named HttpClient.</summary>
    public TClient Create() => services.GetRequiredService<TClient>();
}
