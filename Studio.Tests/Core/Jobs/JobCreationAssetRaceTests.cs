using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Studio.Core.Assets;
using Studio.Core.Jobs;
using Studio.Core.Persistence;
using Studio.Core.Scripts;
using Studio.Core.Segments;
using Studio.Core.Storage;
using Studio.Core.Templates;

namespace Studio.Tests.Core.Jobs;

/// <summary>
/// An upload deleted while a job naming it is being created (after the first check, before the insert): the job is
/// refused with a reason at creation, instead of being stored with a segment that would fail later.
/// </summary>
public sealed class JobCreationAssetRaceTests : IAsyncLifetime
{
    private const string Owner = "owner-1";
    private readonly ServiceCollection _services = new();
    private readonly DeletingScriptWriter _writer = new();
    private TestDatabase _database = null!;
    private ServiceProvider _provider = null!;

    public async Task InitializeAsync()
    {
        var provider = new ConfigurableVideoProvider("imagey", "Imagey") { Modes = [GenerationMode.TextToVideo, GenerationMode.ImageToVideo] };
        _database = await new StudioServicesBuilder().WithProvider(provider).WithScriptWriter(_writer).AddToAsync(_services);
        _services.TryAddSingleton<UploadInspector>();
        _services.TryAddSingleton<AssetLibrary>();
        _services.AddOptions<UploadOptions>();
        _provider = _services.BuildServiceProvider();
        _writer.Services = _provider;
    }

    public async Task DisposeAsync()
    {
        await _provider.DisposeAsync();
        await _database.DisposeAsync();
    }

    [Fact]
    public async Task AssetDeletedDuringCreation_RefusesTheJob_AndStoresNothing()
    {
        var assetId = await AddImageAsync();
        _writer.DeleteDuringWrite = assetId;

        var result = await CreateAsync(assetId);

        result.Succeeded.Should().BeFalse();
        result.Errors!.ToDictionary()["segments"].Should().ContainSingle().Which.Should().Contain("deleted a moment ago");
        await using var db = await _provider.GetRequiredService<IDbContextFactory<StudioDbContext>>().CreateDbContextAsync();
        (await db.Jobs.CountAsync()).Should().Be(0, "nothing is stored for a refused job");
        (await db.Assets.CountAsync()).Should().Be(0, "the delete went through");
    }

    [Fact]
    public async Task AssetStillThere_CreatesTheJobWithIt()
    {
        var assetId = await AddImageAsync();

        var result = await CreateAsync(assetId);

        result.Succeeded.Should().BeTrue(string.Join("; ", result.Errors?.ToDictionary().SelectMany(e => e.Value) ?? []));
        result.Job!.Segments[0].AssetId.Should().Be(assetId);
    }

    private Task<CreateJobResult> CreateAsync(Guid assetId) =>
        _provider.GetRequiredService<JobService>().CreateAsync(
            Owner,
            new CreateJobCommand("Race", "Uploads racing a delete", DefaultTemplates.Reels30, "imagey", Inputs: [new SegmentInput(GenerationMode.ImageToVideo, assetId), null, null, null, null, null]),
            CancellationToken.None);

    private async Task<Guid> AddImageAsync()
    {
        var id = Guid.NewGuid();
        var key = FileKeys.Asset(id);
        await _provider.GetRequiredService<IFileStore>().PutAsync(key, new MemoryStream([0x89, 0x50, 0x4E, 0x47]), CancellationToken.None);
        await using var db = await _provider.GetRequiredService<IDbContextFactory<StudioDbContext>>().CreateDbContextAsync();
        db.Assets.Add(new Asset(id, Owner, AssetKind.Image, "shot.png", key, "image/png", 4, new string('0', 64), DateTimeOffset.UtcNow));
        await db.SaveChangesAsync();
        return id;
    }

    // Writing the storyboard is the moment between the job's first check of its uploads and its insert.
    private sealed class DeletingScriptWriter : IScriptWriter
    {
        private readonly OfflineScriptWriter _inner = new();

        public IServiceProvider? Services { get; set; }

        public Guid? DeleteDuringWrite { get; set; }

        public string Name => "deleting";

        public bool IsHosted => false;

        public async Task<Storyboard> WriteAsync(ScriptRequest request, CancellationToken ct)
        {
            if (DeleteDuringWrite is { } id)
            {
                var deleted = await Services!.GetRequiredService<AssetLibrary>().DeleteAsync(Owner, id, ct);
                deleted.Outcome.Should().Be(AssetDeleteOutcome.Deleted);
            }

            return await _inner.WriteAsync(request, ct);
        }
    }
}
