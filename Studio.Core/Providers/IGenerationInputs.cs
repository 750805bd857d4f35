namespace Studio.Core.Providers;

/// <summary>
/// How a provider client reaches a generation's input image or clip: its bytes (to send inline, as a data URI or
/// a multipart file), or a signed, expiring link served by Studio for that one asset, for protocols that only take
/// a URL.
/// </summary>
public interface IGenerationInputs
{
    /// <summary>Opens the input's bytes.</summary>
    Task<Stream> OpenReadAsync(GenerationInput input, CancellationToken ct);

    /// <summary>
    /// A link the provider can fetch the input from for a few minutes: a presigned URL of the file store when it makes
    /// them (S3), else Studio's own (<c>Studio:PublicBaseUrl</c>, HMAC-signed); null when neither is available.
    /// </summary>
    Uri? LinkFor(GenerationInput input);
}
