namespace Studio.Providers.Veo.Wire;

/// <summary>An inline image.</summary>
/// <param name="BytesBase64Encoded">Its bytes, base64.</param>
/// <param name="MimeType">Its MIME type, e.g. "image/png".</param>
public sealed record VeoImage(string BytesBase64Encoded, string MimeType);
