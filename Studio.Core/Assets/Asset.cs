namespace Studio.Core.Assets;

/// <summary>An uploaded image, clip or sound track. The original name is kept only here; the file is stored under a generated key.</summary>
public sealed class Asset
{
    private Asset()
    {
        OwnerId = OriginalFileName = StoredFile = ContentType = Sha256 = string.Empty;
    }

    /// <summary>Records a stored upload.</summary>
    public Asset(Guid id, string ownerId, AssetKind kind, string originalFileName, string storedFile, string contentType, long sizeBytes, string sha256, DateTimeOffset createdAt)
    {
        Id = id;
        OwnerId = ownerId;
        Kind = kind;
        OriginalFileName = originalFileName;
        StoredFile = storedFile;
        ContentType = contentType;
        SizeBytes = sizeBytes;
        Sha256 = sha256;
        CreatedAt = createdAt;
    }

    /// <summary>Identifier.</summary>
    public Guid Id { get; private set; }

    /// <summary>The user who uploaded it.</summary>
    public string OwnerId { get; private set; }

    /// <summary>Image, video or audio.</summary>
    public AssetKind Kind { get; private set; }

    /// <summary>The name the file had on the user's machine (display only, never a path).</summary>
    public string OriginalFileName { get; private set; }

    /// <summary>File-store key of the content.</summary>
    public string StoredFile { get; private set; }

    /// <summary>MIME type decided from the content.</summary>
    public string ContentType { get; private set; }

    /// <summary>Size in bytes.</summary>
    public long SizeBytes { get; private set; }

    /// <summary>Hex SHA-256 of the content.</summary>
    public string Sha256 { get; private set; }

    /// <summary>When it was uploaded.</summary>
    public DateTimeOffset CreatedAt { get; private set; }
}
