namespace Studio.Core.Assets;

/// <summary>An upload refused, and why in words a user can act on.</summary>
/// <param name="Kind">The class of refusal.</param>
/// <param name="Field">The form field at fault ("file" or "fileName").</param>
/// <param name="Detail">What is wrong.</param>
public sealed record UploadRefusal(UploadRefusalKind Kind, string Field, string Detail)
{
    /// <summary>A malformed or misleading file.</summary>
    public static UploadRefusal Invalid(string detail, string field = "file") => new(UploadRefusalKind.Invalid, field, detail);

    /// <summary>A file over its limit.</summary>
    public static UploadRefusal TooLarge(string detail) => new(UploadRefusalKind.TooLarge, "file", detail);

    /// <summary>A type that is not accepted.</summary>
    public static UploadRefusal Unsupported(string detail) => new(UploadRefusalKind.Unsupported, "file", detail);
}
