namespace Studio.Core.Assets;

/// <summary>
/// A file received and inspected, waiting in scratch to be stored with <see cref="AssetLibrary.StoreAsync"/>. Disposing
/// it deletes the scratch file, so one that is never stored (the request turned out bad after all) leaves nothing.
/// </summary>
public sealed class ReceivedUpload : IDisposable
{
    internal ReceivedUpload(string tempFile, SniffedType type, string fileName, long size, string sha256)
    {
        TempFile = tempFile;
        Type = type;
        FileName = fileName;
        Size = size;
        Sha256 = sha256;
    }

    /// <summary>What its content is.</summary>
    public SniffedType Type { get; }

    /// <summary>The original name, checked.</summary>
    public string FileName { get; }

    /// <summary>Size in bytes.</summary>
    public long Size { get; }

    /// <summary>Hex SHA-256 of the content.</summary>
    public string Sha256 { get; }

    internal string TempFile { get; }

    /// <summary>Deletes the scratch file if it is still there.</summary>
    public void Dispose() => File.Delete(TempFile);
}
