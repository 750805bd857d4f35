using Studio.Core.Assets;
using Studio.Core.Providers;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Studio.Core;
using Studio.Core.Media;
using Studio.Core.Storage;
using Studio.Providers;
using Studio.Providers.Sim;
using Studio.Tests.Fakes;

namespace Studio.Tests.Providers.Sim;

/// <summary>
/// The providers as the app registers them (AddStudioProviders), with the Core services they need, in a temp data
/// folder. Pointed at a test's own <see cref="SimServer"/> (BaseUrl) unless none is given, so the real sim client and
/// the real HTTP pipeline run; optionally on a <see cref="WatchedClock"/>. Not started unless a test starts it.
/// </summary>
public sealed class SimHost : IAsyncDisposable
{
    private readonly TempFolder _folder;
    private readonly WatchedClock? _clock;

    private SimHost(IHost host, TempFolder folder, WatchedClock? clock)
    {
        Host = host;
        _folder = folder;
        _clock = clock;
    }

    public IHost Host { get; }

    public IServiceProvider Services => Host.Services;

    public SimVideoProvider Provider => Services.GetRequiredService<SimVideoProvider>();

    public static SimHost Create(
        SimServer? server,
        IDictionary<string, string?>? settings = null,
        WatchedClock? time = null,
        Action<IServiceCollection>? services = null)
    {
        var folder = new TempFolder();
        var builder = Microsoft.Extensions.Hosting.Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings { ContentRootPath = folder.Path });
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Studio:DataDirectory"] = folder.Path,
            [SimProviderOptions.Section + ":BaseUrl"] = server?.BaseAddress.ToString(),
        });
        if (settings is not null)
        {
            builder.Configuration.AddInMemoryCollection(settings);
        }

        if (time is not null)
        {
            builder.Services.AddSingleton<TimeProvider>(time);
        }

        // What Core's AddStudioCore registers, as far as the providers need it.
        builder.Services.AddLogging();
        builder.Services.AddOptions<StudioOptions>().BindConfiguration(StudioOptions.Section);
        builder.Services.AddOptions<MediaOptions>();
        builder.Services.AddSingleton<StudioPaths>();
        builder.Services.AddSingleton<IFileStore, FileSystemFileStore>();
        builder.Services.AddSingleton<IMediaEngine, FfmpegCoreMediaEngine>();
        builder.Services.AddOptions<AssetLinkOptions>();
        builder.Services.AddSingleton<AssetLinks>();
        builder.Services.AddSingleton<IFileLinks, NoFileLinks>();
        builder.Services.AddSingleton<IGenerationInputs, GenerationInputs>();
        services?.Invoke(builder.Services);

        builder.AddStudioProviders();
        return new SimHost(builder.Build(), folder, time);
    }

    public T Get<T>()
        where T : notnull => Services.GetRequiredService<T>();

    public async ValueTask DisposeAsync()
    {
        var host = (IAsyncDisposable)Host;
        if (_clock is null)
        {
            await host.DisposeAsync();
        }
        else
        {
            // A call a failed test left waiting on the fake clock would hold Polly's disposal for ever.
            await _clock.DisposeWhileTickingAsync(host.DisposeAsync);
        }

        _folder.Dispose();
    }
}
