namespace Studio.Core.Storage;

/// <summary>For tools that read files by path (FFmpeg): a stored file's local path, or a scratch copy of it.</summary>
public static class LocalFileCopies
{
    /// <summary>
    /// The path of <paramref name="key"/> on this machine: the store's own when it keeps files on disk, else a fresh
    /// scratch copy, whose path is added to <paramref name="scratch"/> for the caller to delete.
    /// </summary>
    /// <exception cref="FileNotFoundException">No file is stored under the key.</exception>
    public static async Task<string> LocalPathAsync(this IFileStore files, string key, StudioPaths paths, ICollection<string> scratch, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(files);
        ArgumentNullException.ThrowIfNull(paths);
        ArgumentNullException.ThrowIfNull(scratch);
        if (files.TryGetLocalPath(key) is { } local)
        {
            return local;
        }

        var copy = paths.NewTempFile(Path.GetExtension(key));
        scratch.Add(copy);
        var source = await files.OpenReadAsync(key, ct).ConfigureAwait(false);
        await using (source.ConfigureAwait(false))
        {
            var target = new FileStream(copy, FileMode.CreateNew, FileAccess.Write, FileShare.None, 81_920, useAsync: true);
            await using (target.ConfigureAwait(false))
            {
                await source.CopyToAsync(target, ct).ConfigureAwait(false);
            }
        }

        return copy;
    }
}
