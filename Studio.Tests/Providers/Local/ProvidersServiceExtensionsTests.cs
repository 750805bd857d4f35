using Studio.Core.Assets;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using Studio.Core;
using Studio.Core.Media;
using Studio.Core.Providers;
using Studio.Core.Storage;
using Studio.Providers;
using Studio.Providers.Local;

namespace Studio.Tests.Providers.Local;

public sealed class ProvidersServiceExtensionsTests : IDisposable
{
    private readonly string _root = Path.Combine(Path.GetTempPath(), "studio-tests", "providers-di-" + Guid.NewGuid().ToString("N"));

    [Fact]
    public async Task AddStudioProviders_WithCoreServices_RegistersTheLocalProviderOnce()
    {
        using var host = Build([]);
        await host.StartAsync();

        var providers = host.Services.GetServices<IVideoProvider>().OfType<LocalVideoProvider>().ToList();

        providers.Should().ContainSingle();
        host.Services.GetServices<IVideoProvider>().OfType<LocalVideoProvider>().Single().Should().BeSameAs(providers[0]);
        await host.StopAsync();
    }

    [Fact]
    public void AddStudioProviders_CalledTwice_StillOneLocalProvider()
    {
        var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings { ContentRootPath = Path.GetTempPath() });

        builder.AddStudioProviders().AddStudioProviders();

        builder.Services.Count(d => d.ServiceType == typeof(IVideoProvider) && d.ImplementationType == typeof(LocalVideoProvider)).Should().Be(1);
    }

    [Fact]
    public async Task AddStudioProviders_Configured_BindsStudioProvidersLocal()
    {
        using var host = Build(new() { ["Studio:Providers:Local:Preset"] = "veryfast", ["Studio:Providers:Local:MaxParallelRenders"] = "3" });
        await host.StartAsync();

        var options = host.Services.GetRequiredService<IOptions<LocalProviderOptions>>().Value;

        options.Preset.Should().Be("veryfast");
        options.MaxParallelRenders.Should().Be(3);
        options.FontFile.Should().Be(LocalProviderOptions.DefaultFontFile);
        await host.StopAsync();
    }

    [Fact]
    public async Task AddStudioProviders_FontMissing_FailsAtStartNamingTheSetting()
    {
        using var host = Build(new() { ["Studio:Providers:Local:FontFile"] = "/nowhere/font.ttf" });

        var start = () => host.StartAsync();

        (await start.Should().ThrowAsync<OptionsValidationException>())
            .Which.Message.Should().Contain("Studio:Providers:Local:FontFile").And.Contain("/nowhere/font.ttf");
    }

    [Fact]
    public async Task AddStudioProviders_UnknownPreset_FailsAtStart()
    {
        using var host = Build(new() { ["Studio:Providers:Local:Preset"] = "warp-speed" });

        var start = () => host.StartAsync();

        await start.Should().ThrowAsync<OptionsValidationException>();
    }

    public void Dispose()
    {
        if (Directory.Exists(_root))
        {
            Directory.Delete(_root, recursive: true);
        }
    }

    private IHost Build(Dictionary<string, string?> settings)
    {
        Directory.CreateDirectory(_root);
        var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings { ContentRootPath = _root });
        builder.Configuration.AddInMemoryCollection(settings);

        // What Core's AddStudioCore registers, as far as the providers need it.
        builder.Services.AddOptions<StudioOptions>();
        builder.Services.AddOptions<MediaOptions>();
        builder.Services.AddSingleton<StudioPaths>();
        builder.Services.AddSingleton<IFileStore, FileSystemFileStore>();
        builder.Services.AddSingleton<IMediaEngine, FfmpegCoreMediaEngine>();
        builder.Services.AddOptions<AssetLinkOptions>();
        builder.Services.AddSingleton<AssetLinks>();
        builder.Services.AddSingleton<IFileLinks, NoFileLinks>();
        builder.Services.AddSingleton<IGenerationInputs, GenerationInputs>();
        builder.Services.AddLogging();

        builder.AddStudioProviders();
        return builder.Build();
    }
}
