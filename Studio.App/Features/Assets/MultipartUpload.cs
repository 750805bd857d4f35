using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.Localization;
using Microsoft.Net.Http.Headers;
using Studio.Core.Assets;
using Studio.Core.Common;

namespace Studio.App.Features.Assets;

/// <summary>
/// Reads a <c>multipart/form-data</c> body section by section with <see cref="MultipartReader"/>: the one <c>file</c>
/// field streams straight into <see cref="AssetLibrary.ReceiveAsync"/>, which stops at the kind's size limit. Nothing
/// of the body is buffered, and nothing is stored until the whole request proved well-formed (exactly one file).
/// Refusals speak the caller's language through the localizer its caller makes for this class.
/// </summary>
internal static class MultipartUpload
{
    public const string FieldName = "file";

    // Headroom above the largest file for the boundaries and section headers.
    private const long MultipartOverhead = 64 * 1024;

    /// <summary>Reads the request: the received file, or why the request is refused (in the words of <paramref name="L"/>, this class's localizer).</summary>
    public static async Task<ReceiveResult> ReadAsync(HttpContext context, AssetLibrary library, UploadOptions limits, IStringLocalizer L, CancellationToken ct)
    {
        var request = context.Request;
        if (context.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } bodyLimit)
        {
            // Kestrel's 30 MB default would cut off a video under its limit; the library enforces each kind's own.
            bodyLimit.MaxRequestBodySize = limits.LargestMaxBytes + MultipartOverhead;
        }

        if (!MediaTypeHeaderValue.TryParse(request.ContentType, out var mediaType)
            || !mediaType.MediaType.Equals("multipart/form-data", StringComparison.OrdinalIgnoreCase))
        {
            return Refuse(UploadRefusal.Unsupported(L["Send the file as multipart/form-data in a field named '{0}'.", FieldName]));
        }

        var boundary = HeaderUtilities.RemoveQuotes(mediaType.Boundary).Value;
        if (string.IsNullOrWhiteSpace(boundary) || boundary.Length > 70)
        {
            return Refuse(UploadRefusal.Invalid(L["The multipart body has no valid boundary (1 to 70 characters) in its Content-Type."]));
        }

        var reader = new MultipartReader(boundary, request.Body) { HeadersCountLimit = 8, HeadersLengthLimit = 8 * 1024 };
        ReceivedUpload? received = null;
        try
        {
            MultipartSection? section;
            while ((section = await reader.ReadNextSectionAsync(ct)) is not null)
            {
                if (!ContentDispositionHeaderValue.TryParse(section.ContentDisposition, out var disposition) || !disposition.DispositionType.Equals("form-data", StringComparison.OrdinalIgnoreCase))
                {
                    return Discard(received, UploadRefusal.Invalid(L["A part of the multipart body has no form-data Content-Disposition."]));
                }

                var name = HeaderUtilities.RemoveQuotes(disposition.Name).Value ?? string.Empty;
                if (!string.Equals(name, FieldName, StringComparison.Ordinal))
                {
                    return Discard(received, UploadRefusal.Invalid(L["Unexpected field '{0}': send the file in a field named '{1}' and nothing else.", Shown(name), FieldName]));
                }

                if (!disposition.IsFileDisposition())
                {
                    return Discard(received, UploadRefusal.Invalid(L["The field '{0}' holds text, not a file: send it with a file name.", FieldName]));
                }

                if (received is not null)
                {
                    return Discard(received, UploadRefusal.Invalid(L["Send one file per request; this one has more."]));
                }

                var fileName = HeaderUtilities.RemoveQuotes(disposition.FileNameStar.HasValue ? disposition.FileNameStar : disposition.FileName).Value;
                var result = await library.ReceiveAsync(fileName, section.Body, ct);
                if (result.Upload is null)
                {
                    return result;
                }

                received = result.Upload;
            }
        }
        catch (Exception ex) when (ex is IOException or InvalidDataException)
        {
            return Discard(received, UploadRefusal.Invalid(L["The multipart body is malformed: {0}", ex.Message]));
        }

        return received is null
            ? Refuse(UploadRefusal.Invalid(L["No file: send one in a multipart field named '{0}'.", FieldName]))
            : new ReceiveResult(received, null);
    }

    private static ReceiveResult Refuse(UploadRefusal refusal) => new(null, refusal);

    private static ReceiveResult Discard(ReceivedUpload? received, UploadRefusal refusal)
    {
        received?.Dispose();
        return Refuse(refusal);
    }

    private static string Shown(string name)
    {
        var clean = TextInput.Clean(name);
        return clean.Length > 40 ? clean[..40] + "…" : clean;
    }
}
