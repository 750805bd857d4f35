using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Studio.Core.Assets;
using Studio.Core.Storage;

namespace Studio.Tests.Components;

/// <summary>
/// <see cref="StudioComponentTest"/> plus the real asset library (upload inspector with FFmpeg, file store) with the
/// small limits the hostile corpus assumes: images at most 2 MB, videos at most 3 s.
/// </summary>
public abstract class AssetComponentTest : StudioComponentTest
{
    protected AssetLibrary Library => Services.GetRequiredService<AssetLibrary>();

    public override async Task InitializeAsync()
    {
        // Services before the base, which reaches into the renderer and so freezes the collection.
        Services.AddOptions<UploadOptions>().Configure(o =>
        {
            o.MaxImageBytes = 2 * 1024 * 1024;
            o.MaxVideoSeconds = 3;
        });
        Services.AddSingleton<UploadInspector>();
        Services.AddSingleton<AssetLibrary>();
        Services.AddSingleton<AssetThumbnails>();
        await base.InitializeAsync();
    }

    /// <summary>What uploads have left: asset rows, files under assets/, and scratch files (other than the lock file).</summary>
    protected async Task<(int Rows, int Files, int Scratch)> StoredAsync()
    {
        await using var db = await Database.CreateDbContextAsync();
        var rows = await db.Assets.CountAsync();
        var paths = Services.GetRequiredService<StudioPaths>();
        var assets = Path.Combine(paths.DataDirectory, "assets");
        var files = Directory.Exists(assets) ? Directory.GetFiles(assets, "*", SearchOption.AllDirectories).Length : 0;
        var scratch = Directory.Exists(paths.TempDirectory)
            ? Directory.GetFiles(paths.TempDirectory, "*", SearchOption.AllDirectories).Count(f => Path.GetFileName(f) != StudioPaths.ScratchLockFile)
            : 0;
        return (rows, files, scratch);
    }
}
