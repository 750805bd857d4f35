using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace Studio.Providers.Http;

/// <summary>Registers the HTTP client of a hosted provider with Studio's resilience rules.</summary>
public static class ProviderHttpServiceCollectionExtensions
{
    /// <summary>The identifier of the resilience handler on every provider's client (the pipeline is named "{provider}-provider").</summary>
    public const string PipelineIdentifier = "provider";

    /// <summary>
    /// Adds <typeparamref name="TClient"/> as a typed client over the HttpClient named <paramref name="providerName"/>,
    /// behind the provider pipeline (ADR 0006): total timeout, retries by <see cref="ProviderRetryRule"/> honouring
    /// <c>Retry-After</c>, a circuit breaker of its own, and a per-attempt timeout, all tuned by
    /// <see cref="ProviderHttpOptions"/> bound from <paramref name="httpSection"/> and validated at start. Also adds
    /// <see cref="ProviderClientFactory{TClient}"/> for singletons that need a client per call. The HttpClient's own
    /// timeout is switched off: the pipeline owns time.
    /// </summary>
    /// <param name="services">The services.</param>
    /// <param name="providerName">The provider's name: the HttpClient's, the options' and the pipeline's.</param>
    /// <param name="httpSection">Configuration section of its <see cref="ProviderHttpOptions"/> (e.g. <c>Studio:Providers:Sim:Http</c>).</param>
    /// <param name="configureClient">Sets the base address and headers of each new client.</param>
    /// <returns>The client builder, for more handlers (tests replace the primary handler here).</returns>
    /// <exception cref="InvalidOperationException">The provider was registered before: a second pipeline would retry twice.</exception>
    public static IHttpClientBuilder AddProviderHttpClient<TClient>(
        this IServiceCollection services,
        string providerName,
        string httpSection,
        Action<IServiceProvider, HttpClient> configureClient)
        where TClient : class
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentException.ThrowIfNullOrWhiteSpace(providerName);
        ArgumentException.ThrowIfNullOrWhiteSpace(httpSection);
        ArgumentNullException.ThrowIfNull(configureClient);
        if (services.Any(d => d.ImplementationInstance is ProviderHttpOptionsValidator v && v.ProviderName == providerName))
        {
            throw new InvalidOperationException($"The HTTP client of provider '{providerName}' is already registered.");
        }

        services.AddOptions<ProviderHttpOptions>(providerName).BindConfiguration(httpSection).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<IValidateOptions<ProviderHttpOptions>>(new ProviderHttpOptionsValidator(providerName, httpSection));
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<ProviderClientFactory<TClient>>();
        services.TryAddSingleton<ProviderHealthBoard>();
        services.TryAddSingleton<Studio.Core.Providers.IProviderHealth>(sp => sp.GetRequiredService<ProviderHealthBoard>());

        var builder = services.AddHttpClient<TClient>(providerName, (sp, client) =>
        {
            client.Timeout = Timeout.InfiniteTimeSpan;
            configureClient(sp, client);
        });
        // A host-wide default (ConfigureHttpClientDefaults + AddStandardResilienceHandler, as service defaults add)
        // would stack a second pipeline that retries POSTs: this client has exactly one, ours. The API is marked
        // experimental; if it changes, the test with a host-wide standard handler says so.
#pragma warning disable EXTEXP0001
        builder.RemoveAllResilienceHandlers();
#pragma warning restore EXTEXP0001
        builder.AddHttpMessageHandler(sp => new ProviderCallRecorder(sp.GetRequiredService<ProviderHealthBoard>(), providerName, sp.GetRequiredService<TimeProvider>()));
        builder.AddResilienceHandler(PipelineIdentifier, (pipeline, context) =>
        {
            var sp = context.ServiceProvider;
            var logger = (sp.GetService<ILoggerFactory>() ?? NullLoggerFactory.Instance).CreateLogger(typeof(ProviderResiliencePipeline).FullName!);
            ProviderResiliencePipeline.Configure(
                pipeline,
                providerName,
                context.GetOptions<ProviderHttpOptions>(providerName),
                sp.GetRequiredService<TimeProvider>(),
                logger,
                sp.GetRequiredService<ProviderHealthBoard>());
        });
        return builder;
    }
}
