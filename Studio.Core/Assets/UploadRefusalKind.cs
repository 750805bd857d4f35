namespace Studio.Core.Assets;

/// <summary>Why an upload was refused, as a class of answer (the API maps each to its status).</summary>
public enum UploadRefusalKind
{
    /// <summary>Malformed or not what it claims to be (400).</summary>
    Invalid,

    /// <summary>Over a size limit (413).</summary>
    TooLarge,

    /// <summary>A type that is not accepted (415).</summary>
    Unsupported,
}
