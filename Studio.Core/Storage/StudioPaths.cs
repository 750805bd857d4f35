using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace Studio.Core.Storage;

/// <summary>
/// The absolute places of Studio's data folder and what lives in it. Each process writes its scratch files in a folder
/// of its own under <c>tmp/</c>, holding an exclusive lock on a file inside it for as long as it lives: a folder whose
/// lock can be taken belongs to a process that died, and its half-written files can go at once.
/// </summary>
public sealed class StudioPaths : IDisposable
{
    /// <summary>The lock file's name inside a process's scratch folder.</summary>
    public const string ScratchLockFile = ".owner";

    private readonly FileStream _scratchLock;

    /// <summary>Resolves <see cref="StudioOptions.DataDirectory"/> against the content root and creates the folders.</summary>
    public StudioPaths(IOptions<StudioOptions> options, IHostEnvironment environment)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(environment);
        DataDirectory = Path.GetFullPath(options.Value.DataDirectory, environment.ContentRootPath);
        TempDirectory = Path.Combine(DataDirectory, "tmp");
        ScratchDirectory = Path.Combine(TempDirectory, $"p{Environment.ProcessId}-{Guid.NewGuid():N}"[..24]);
        Directory.CreateDirectory(DataDirectory);
        Directory.CreateDirectory(ScratchDirectory);
        _scratchLock = new FileStream(Path.Combine(ScratchDirectory, ScratchLockFile), FileMode.Create, FileAccess.ReadWrite, FileShare.None);
    }

    /// <summary>The data folder.</summary>
    public string DataDirectory { get; }

    /// <summary>The scratch area shared by all processes (each works in its own folder inside).</summary>
    public string TempDirectory { get; }

    /// <summary>This process's scratch folder; files are written here, then moved into place.</summary>
    public string ScratchDirectory { get; }

    /// <summary>The SQLite database file.</summary>
    public string DatabaseFile => Path.Combine(DataDirectory, "studio.db");

    /// <summary>A fresh, unused path in this process's scratch folder.</summary>
    public string NewTempFile(string extension) =>
        Path.Combine(ScratchDirectory, $"{Guid.NewGuid():N}{extension}");

    /// <summary>Releases the scratch folder's lock and removes the folder if nothing is left in it.</summary>
    public void Dispose()
    {
        _scratchLock.Dispose();
        try
        {
            File.Delete(Path.Combine(ScratchDirectory, ScratchLockFile));
            if (!Directory.EnumerateFileSystemEntries(ScratchDirectory).Any())
            {
                Directory.Delete(ScratchDirectory);
            }
        }
        catch (IOException)
        {
            // Something is still being written there; the next start's sweep takes it.
        }
        catch (UnauthorizedAccessException)
        {
            // Same.
        }
    }
}
