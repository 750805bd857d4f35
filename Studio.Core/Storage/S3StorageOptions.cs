using System.ComponentModel.DataAnnotations;

namespace Studio.Core.Storage;

/// <summary>An S3-compatible bucket, under <c>Studio:Storage:S3</c> (AWS S3, MinIO, Ceph, Garage, R2, ...).</summary>
public sealed class S3StorageOptions : IValidatableObject
{
    /// <summary>
    /// The service's address, e.g. <c>http://minio:9000</c>. Empty (the default): AWS S3 itself, in <see cref="Region"/>.
    /// </summary>
    public string ServiceUrl { get; set; } = string.Empty;

    /// <summary>The bucket Studio keeps its files in; it must exist. Required.</summary>
    [Required]
    [RegularExpression("^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$", ErrorMessage = "Bucket must be a valid S3 bucket name.")]
    public string Bucket { get; set; } = string.Empty;

    /// <summary>The access key id. Required.</summary>
    [Required]
    public string AccessKey { get; set; } = string.Empty;

    /// <summary>The secret access key. Required.</summary>
    [Required]
    public string SecretKey { get; set; } = string.Empty;

    /// <summary>The region requests are signed for. Default <c>us-east-1</c> (what most S3-compatible services expect).</summary>
    [Required]
    public string Region { get; set; } = "us-east-1";

    /// <summary>Addresses objects as <c>{ServiceUrl}/{bucket}/{key}</c> rather than by a bucket host name. Default true: what self-hosted services need.</summary>
    public bool ForcePathStyle { get; set; } = true;

    /// <summary>How long a presigned download or provider-input link works. Default 15 minutes.</summary>
    [Range(typeof(TimeSpan), "00:00:10", "7.00:00:00", ParseLimitsInInvariantCulture = true, ConvertValueInInvariantCulture = true)]
    public TimeSpan PresignedUrlLifetime { get; set; } = TimeSpan.FromMinutes(15);

    /// <summary>
    /// Downloads (final video, poster, clips, assets) answer with a redirect to a presigned URL, so the bytes flow from
    /// the store and not through the web node. Default true; false streams them through Studio.
    /// </summary>
    public bool RedirectDownloads { get; set; } = true;

    /// <summary>
    /// Size of one part of a multipart upload, in MiB (5 to 512; default 8). An upload holds one part in memory at a
    /// time; a file smaller than one part goes in a single request.
    /// </summary>
    [Range(5, 512)]
    public int PartSizeMegabytes { get; set; } = 8;

    /// <inheritdoc />
    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (ServiceUrl.Length > 0
            && (!Uri.TryCreate(ServiceUrl, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps)))
        {
            yield return new ValidationResult("ServiceUrl must be an absolute http or https address.", [nameof(ServiceUrl)]);
        }
    }
}
