namespace Studio.Core.Storage;

/// <summary>The file store on local disk, under the data folder.</summary>
public sealed class FileSystemFileStore(StudioPaths paths) : IFileStore
{
    /// <inheritdoc />
    public async Task PutAsync(string key, Stream content, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(content);
        var temp = paths.NewTempFile(Path.GetExtension(key));
        try
        {
            await using (var file = new FileStream(temp, FileMode.CreateNew, FileAccess.Write, FileShare.None, 81920, useAsync: true))
            {
                await content.CopyToAsync(file, ct).ConfigureAwait(false);
            }

            await PromoteAsync(temp, key, ct).ConfigureAwait(false);
        }
        finally
        {
            File.Delete(temp);
        }
    }

    /// <inheritdoc />
    public Task PromoteAsync(string tempFile, string key, CancellationToken ct)
    {
        var target = PathOf(key);
        Directory.CreateDirectory(Path.GetDirectoryName(target)!);
        File.Move(tempFile, target, overwrite: true);
        return Task.CompletedTask;
    }

    /// <inheritdoc />
    public Task<Stream> OpenReadAsync(string key, CancellationToken ct)
    {
        var path = PathOf(key);
        if (!File.Exists(path))
        {
            throw new FileNotFoundException($"No file is stored under '{key}'.");
        }

        return Task.FromResult<Stream>(new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 81920, useAsync: true));
    }

    /// <inheritdoc />
    public Task<bool> ExistsAsync(string key, CancellationToken ct) => Task.FromResult(File.Exists(PathOf(key)));

    /// <inheritdoc />
    public Task DeleteAsync(string key, CancellationToken ct)
    {
        File.Delete(PathOf(key));
        return Task.CompletedTask;
    }

    /// <inheritdoc />
    public Task DeleteFolderAsync(string folder, CancellationToken ct)
    {
        var path = PathOf(folder);
        if (Directory.Exists(path))
        {
            Directory.Delete(path, recursive: true);
        }

        return Task.CompletedTask;
    }

    /// <inheritdoc />
    public string? TryGetLocalPath(string key) => PathOf(key);

    private string PathOf(string key)
    {
        FileKeys.EnsureValid(key);
        return Path.Combine(paths.DataDirectory, key);
    }
}
