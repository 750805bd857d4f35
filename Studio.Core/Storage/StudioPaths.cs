using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace Studio.Core.Storage;

/// <summary>The absolute places of Studio's data folder and what lives in it.</summary>
public sealed class StudioPaths
{
    /// <summary>Resolves <see cref="StudioOptions.DataDirectory"/> against the content root and creates the folders.</summary>
    public StudioPaths(IOptions<StudioOptions> options, IHostEnvironment environment)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(environment);
        DataDirectory = Path.GetFullPath(options.Value.DataDirectory, environment.ContentRootPath);
        TempDirectory = Path.Combine(DataDirectory, "tmp");
        Directory.CreateDirectory(DataDirectory);
        Directory.CreateDirectory(TempDirectory);
    }

    /// <summary>The data folder.</summary>
    public string DataDirectory { get; }

    /// <summary>Scratch space; files are written here, then moved into place.</summary>
    public string TempDirectory { get; }

    /// <summary>The SQLite database file.</summary>
    public string DatabaseFile => Path.Combine(DataDirectory, "studio.db");

    /// <summary>A fresh, unused path in the scratch folder.</summary>
    public string NewTempFile(string extension) =>
        Path.Combine(TempDirectory, $"{Guid.NewGuid():N}{extension}");
}
