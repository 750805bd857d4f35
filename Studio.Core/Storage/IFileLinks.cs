namespace Studio.Core.Storage;

/// <summary>
/// Short-lived links straight to a stored file, for stores that can make them (an S3 presigned GET URL). Downloads
/// redirect to them and hosted providers fetch their inputs from them, so the bytes do not pass through Studio.
/// </summary>
public interface IFileLinks
{
    /// <summary>
    /// A link that reads <paramref name="key"/> for a few minutes, served as <paramref name="contentType"/> and, when
    /// <paramref name="downloadName"/> is given, as an attachment of that name; null when the store makes no links.
    /// </summary>
    Uri? ReadLink(string key, string contentType, string? downloadName);
}
