namespace Studio.Core.Storage;

/// <summary>Where Studio keeps its files.</summary>
public enum StorageProvider
{
    /// <summary>On local disk under the data folder (the default).</summary>
    FileSystem,

    /// <summary>In a bucket of an S3-compatible object store.</summary>
    S3,
}
