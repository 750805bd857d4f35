namespace Studio.Core.Storage;

/// <summary>The links of a store that makes none (the file system): Studio serves the bytes itself.</summary>
public sealed class NoFileLinks : IFileLinks
{
    /// <inheritdoc />
    public Uri? ReadLink(string key, string contentType, string? downloadName) => null;
}
