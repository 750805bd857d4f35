using System.ComponentModel.DataAnnotations;

namespace Studio.Core.Storage;

/// <summary>The file store, under <c>Studio:Storage</c>. With no configuration files stay on disk under the data folder.</summary>
public sealed class StorageOptions : IValidatableObject
{
    /// <summary>Configuration section.</summary>
    public const string Section = "Studio:Storage";

    /// <summary>Where files are kept. Default <see cref="StorageProvider.FileSystem"/>.</summary>
    public StorageProvider Provider { get; set; } = StorageProvider.FileSystem;

    /// <summary>The bucket and its service, under <c>Studio:Storage:S3</c>; read only when <see cref="Provider"/> is <see cref="StorageProvider.S3"/>.</summary>
    public S3StorageOptions S3 { get; set; } = new();

    /// <inheritdoc />
    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (Provider != StorageProvider.S3)
        {
            return [];
        }

        // Nested options are not validated by data annotations on their own: check them here, only when S3 is chosen.
        var results = new List<ValidationResult>();
        Validator.TryValidateObject(S3, new ValidationContext(S3), results, validateAllProperties: true);
        return results.Select(r => new ValidationResult("Studio:Storage:S3: " + r.ErrorMessage, [.. r.MemberNames.Select(m => "S3." + m)]));
    }
}
