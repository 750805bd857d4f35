using Microsoft.Extensions.Logging;

namespace Studio.Core.Storage;

/// <summary>
/// Clears what a crash left in the scratch folder (half-written renders and outputs). Only files untouched for
/// <see cref="MinimumAge"/> go, so work in progress in another process sharing the folder is never touched.
/// </summary>
public sealed partial class ScratchSweeper(StudioPaths paths, TimeProvider time, ILogger<ScratchSweeper> logger)
{
    /// <summary>How long a scratch file must have been left alone before it is swept. Work writes its files continuously.</summary>
    public static readonly TimeSpan MinimumAge = TimeSpan.FromHours(6);

    /// <summary>Deletes stale scratch files and the folders they leave empty; returns how many files went.</summary>
    public int Sweep()
    {
        var cutoff = time.GetUtcNow() - MinimumAge;
        var removed = 0;
        var emptied = new HashSet<string>(StringComparer.Ordinal);
        foreach (var file in Directory.EnumerateFiles(paths.TempDirectory, "*", SearchOption.AllDirectories))
        {
            try
            {
                if (File.GetLastWriteTimeUtc(file) < cutoff.UtcDateTime)
                {
                    File.Delete(file);
                    emptied.Add(Path.GetDirectoryName(file)!);
                    removed++;
                }
            }
            catch (IOException ex)
            {
                LogSkipped(logger, ex, file);
            }
            catch (UnauthorizedAccessException ex)
            {
                LogSkipped(logger, ex, file);
            }
        }

        foreach (var folder in Directory.EnumerateDirectories(paths.TempDirectory, "*", SearchOption.AllDirectories).OrderByDescending(f => f.Length))
        {
            // A folder this sweep emptied, or one left empty long ago; never a fresh one another worker just made.
            var stale = emptied.Contains(folder) || Directory.GetLastWriteTimeUtc(folder) < cutoff.UtcDateTime;
            if (stale && !Directory.EnumerateFileSystemEntries(folder).Any())
            {
                try
                {
                    Directory.Delete(folder);
                }
                catch (IOException ex)
                {
                    // Another process put a file in it meanwhile: it is in use, leave it.
                    LogSkipped(logger, ex, folder);
                }
            }
        }

        if (removed > 0)
        {
            LogSwept(logger, removed);
        }

        return removed;
    }

    [LoggerMessage(LogLevel.Information, "Removed {Count} stale scratch files")]
    private static partial void LogSwept(ILogger logger, int count);

    [LoggerMessage(LogLevel.Warning, "Could not remove the scratch file {File}")]
    private static partial void LogSkipped(ILogger logger, Exception exception, string file);
}
