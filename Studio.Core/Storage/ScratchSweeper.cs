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

    /// <summary>
    /// Deletes the scratch folders of processes that died (their lock can be taken), then stale loose scratch files and
    /// the folders they leave empty; returns how many files went.
    /// </summary>
    public int Sweep()
    {
        var cutoff = time.GetUtcNow() - MinimumAge;
        var live = new List<string>();
        var removed = SweepDeadProcesses(live);
        var emptied = new HashSet<string>(StringComparer.Ordinal);
        foreach (var file in Directory.EnumerateFiles(paths.TempDirectory, "*", SearchOption.AllDirectories))
        {
            if (live.Exists(folder => file.StartsWith(folder + Path.DirectorySeparatorChar, StringComparison.Ordinal)))
            {
                // A living process's own scratch folder: its files are its business, however old.
                continue;
            }

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

    private int SweepDeadProcesses(List<string> live)
    {
        var removed = 0;
        live.Add(paths.ScratchDirectory);
        foreach (var folder in Directory.EnumerateDirectories(paths.TempDirectory))
        {
            var lockFile = Path.Combine(folder, StudioPaths.ScratchLockFile);
            if (string.Equals(folder, paths.ScratchDirectory, StringComparison.Ordinal) || !File.Exists(lockFile))
            {
                continue;
            }

            try
            {
                // Taking the lock proves its owner is gone (the system drops a dead process's locks).
                using (new FileStream(lockFile, FileMode.Open, FileAccess.ReadWrite, FileShare.None))
                {
                    removed += Directory.EnumerateFiles(folder, "*", SearchOption.AllDirectories).Count() - 1;
                }

                Directory.Delete(folder, recursive: true);
            }
            catch (IOException)
            {
                // Its owner is alive (or it vanished meanwhile): leave it.
                live.Add(folder);
            }
            catch (UnauthorizedAccessException ex)
            {
                LogSkipped(logger, ex, folder);
            }
        }

        return removed;
    }

    [LoggerMessage(LogLevel.Information, "Removed {Count} stale scratch files")]
    private static partial void LogSwept(ILogger logger, int count);

    [LoggerMessage(LogLevel.Warning, "Could not remove the scratch file {File}")]
    private static partial void LogSkipped(ILogger logger, Exception exception, string file);
}
