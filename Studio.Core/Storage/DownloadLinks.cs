using Microsoft.Extensions.Options;

namespace Studio.Core.Storage;

/// <summary>
/// Whether a download answers with a redirect to the store (<see cref="S3StorageOptions.RedirectDownloads"/>) and
/// where to: a presigned link made for that one file, named and typed as Studio would serve it.
/// </summary>
public sealed class DownloadLinks(IFileLinks links, IOptions<StorageOptions> options)
{
    /// <summary>True when downloads redirect to the store (S3 with <see cref="S3StorageOptions.RedirectDownloads"/>).</summary>
    public bool Redirects => options.Value is { Provider: StorageProvider.S3, S3.RedirectDownloads: true };

    /// <summary>The link to redirect the download of <paramref name="file"/> to; null to stream it through Studio.</summary>
    public Uri? For(StoredFile file)
    {
        ArgumentNullException.ThrowIfNull(file);
        return Redirects ? links.ReadLink(file.Key, file.ContentType, file.DownloadName) : null;
    }
}
