using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Studio.Core;
using Studio.Core.Assets;
using Studio.Core.Media;
using Studio.Core.Providers;
using Studio.Core.Storage;
using Studio.Providers.Local;
using Studio.Tests.Builders;

namespace Studio.Tests.Providers.Local;

/// <summary>A local provider wired to real services (FFmpeg, the file system) in a data folder of its own.</summary>
public sealed class LocalProviderHarness : IDisposable
{
    public LocalProviderHarness(LocalProviderOptions? options = null, TimeProvider? time = null)
    {
        Root = Path.Combine(Path.GetTempPath(), "studio-tests", "local-provider-" + Guid.NewGuid().ToString("N"));
        Options = options ?? new LocalProviderOptions();
        Time = time ?? TimeProvider.System;
        Paths = new StudioPaths(Microsoft.Extensions.Options.Options.Create(new StudioOptions { DataDirectory = "data" }), new TestHostEnvironment(Root));
        Files = new FileSystemFileStore(Paths);
        Engine = new FfmpegCoreMediaEngine(Microsoft.Extensions.Options.Options.Create(new MediaOptions()));
        var wrapped = Microsoft.Extensions.Options.Options.Create(Options);
        Registry = new LocalRenderRegistry(wrapped);
        Renderer = new LocalClipRenderer(Engine, wrapped);
        Provider = new LocalVideoProvider(Registry, Renderer, Files, Paths, Time, wrapped, NullLogger<LocalVideoProvider>.Instance);
    }

    public string Root { get; }

    public LocalProviderOptions Options { get; }

    public TimeProvider Time { get; }

    public StudioPaths Paths { get; }

    public FileSystemFileStore Files { get; }

    public IMediaEngine Engine { get; }

    public LocalRenderRegistry Registry { get; }

    public LocalClipRenderer Renderer { get; }

    public LocalVideoProvider Provider { get; }

    /// <summary>Where the provider keeps its renders.</summary>
    public string RenderFolder => Path.Combine(Paths.ScratchDirectory, "local");

    /// <summary>Stores a file as an asset and describes it as a generation input.</summary>
    public async Task<GenerationInput> StoreAsync(string file, AssetKind kind, string contentType)
    {
        var key = FileKeys.Asset(Guid.NewGuid());
        await using var stream = File.OpenRead(file);
        await Files.PutAsync(key, stream, CancellationToken.None);
        return new GenerationInput(Guid.NewGuid(), key, kind, contentType);
    }

    /// <summary>Waits (at most <paramref name="timeout"/>) for the render to end, and returns its final status.</summary>
    public async Task<ProviderJobStatus> WaitForEndAsync(string id, TimeSpan? timeout = null)
    {
        var render = Registry.Find(id) ?? throw new InvalidOperationException($"No render {id}.");
        await render.Completion.WaitAsync(timeout ?? TimeSpan.FromSeconds(90));
        return await Provider.GetStatusAsync(id, CancellationToken.None);
    }

    public void Dispose()
    {
        Registry.Dispose();
        Paths.Dispose();
        try
        {
            Directory.Delete(Root, recursive: true);
        }
        catch (IOException)
        {
            // A cancelled FFmpeg may still be closing a file; the temp folder is cleaned by the OS eventually.
        }
    }
}
