namespace Studio.Core.Storage;

/// <summary>
/// Where Studio keeps files (uploads, clips, final videos), addressed by keys such as
/// <c>jobs/{jobId}/takes/0-1.mp4</c>. Writes are atomic: a reader sees the whole file or none.
/// </summary>
public interface IFileStore
{
    /// <summary>Stores <paramref name="content"/> under <paramref name="key"/>, replacing what was there, atomically.</summary>
    Task PutAsync(string key, Stream content, CancellationToken ct);

    /// <summary>Moves a finished scratch file (from <see cref="StudioPaths.NewTempFile"/>) into place under <paramref name="key"/>, atomically.</summary>
    Task PromoteAsync(string tempFile, string key, CancellationToken ct);

    /// <summary>Opens a stored file for reading.</summary>
    /// <exception cref="FileNotFoundException">No file is stored under the key.</exception>
    Task<Stream> OpenReadAsync(string key, CancellationToken ct);

    /// <summary>True when a file is stored under the key.</summary>
    Task<bool> ExistsAsync(string key, CancellationToken ct);

    /// <summary>Removes a stored file; nothing happens when there is none.</summary>
    Task DeleteAsync(string key, CancellationToken ct);

    /// <summary>The file's path on this machine when the store keeps it on local disk, else null (then copy it out with <see cref="OpenReadAsync"/>).</summary>
    string? TryGetLocalPath(string key);

    /// <summary>Deletes every file whose key starts with <paramref name="folder"/> + "/" (a job's whole folder); nothing when there is none.</summary>
    Task DeleteFolderAsync(string folder, CancellationToken ct);
}
