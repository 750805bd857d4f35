using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Studio.Core.Persistence;

namespace Studio.Tests.Api;

/// <summary>The app with small upload limits (images 2 MB, videos 3 s), so limits are tested without big files.</summary>
public sealed class AssetsAppFactory() : StudioAppFactory(new Dictionary<string, string?>
{
    ["Studio:Uploads:MaxImageBytes"] = (2 * 1024 * 1024).ToString(System.Globalization.CultureInfo.InvariantCulture),
    ["Studio:Uploads:MaxVideoSeconds"] = "3",
})
{
    /// <summary>What uploads have left: rows in Assets, files under assets/, and files in scratch (other than lock files).</summary>
    public async Task<(int Rows, int Files, int Scratch)> StoredAsync()
    {
        await using var db = await Services.GetRequiredService<IDbContextFactory<StudioDbContext>>().CreateDbContextAsync();
        var rows = await db.Assets.CountAsync();
        var assets = Path.Combine(DataDirectory, "assets");
        var files = Directory.Exists(assets) ? Directory.GetFiles(assets, "*", SearchOption.AllDirectories).Length : 0;
        var tmp = Path.Combine(DataDirectory, "tmp");
        var scratch = Directory.Exists(tmp)
            ? Directory.GetFiles(tmp, "*", SearchOption.AllDirectories).Count(f => Path.GetFileName(f) != Studio.Core.Storage.StudioPaths.ScratchLockFile)
            : 0;
        return (rows, files, scratch);
    }
}
