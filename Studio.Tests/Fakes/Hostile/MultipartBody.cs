using System.Net.Http.Headers;
using System.Text;

namespace Studio.Tests.Fakes.Hostile;

/// <summary>
/// Multipart bodies written byte by byte, so a test can send what no well-behaved client would: raw control characters
/// in a file name, a wrong boundary, a second file.
/// </summary>
public static class MultipartBody
{
    public const string Boundary = "studio-test-boundary-7f3a";

    /// <summary>One part of a body.</summary>
    /// <param name="Disposition">The Content-Disposition header's value, written as is.</param>
    /// <param name="Content">The part's bytes.</param>
    public sealed record Part(string Disposition, byte[] Content);

    /// <summary>A file part in <paramref name="field"/> named <paramref name="fileName"/> (written as is, between quotes).</summary>
    public static Part File(byte[] content, string fileName = "upload.bin", string field = "file") =>
        new($"form-data; name=\"{field}\"; filename=\"{fileName}\"", content);

    /// <summary>A file part whose name travels RFC 5987-encoded (<c>filename*=UTF-8''…</c>), for non-ASCII names.</summary>
    public static Part FileStar(byte[] content, string fileName, string field = "file") =>
        new($"form-data; name=\"{field}\"; filename*=UTF-8''{Uri.EscapeDataString(fileName)}", content);

    /// <summary>A text field.</summary>
    public static Part Text(string field, string value) => new($"form-data; name=\"{field}\"", Encoding.UTF8.GetBytes(value));

    /// <summary>A well-formed body of <paramref name="parts"/>.</summary>
    public static HttpContent Of(params Part[] parts) => Raw(Write(Boundary, parts), $"multipart/form-data; boundary={Boundary}");

    /// <summary>The bytes of a body with <paramref name="boundary"/>.</summary>
    public static byte[] Write(string boundary, params Part[] parts)
    {
        ArgumentNullException.ThrowIfNull(parts);
        using var body = new MemoryStream();
        foreach (var part in parts)
        {
            body.Write(Encoding.UTF8.GetBytes($"--{boundary}\r\nContent-Disposition: {part.Disposition}\r\nContent-Type: application/octet-stream\r\n\r\n"));
            body.Write(part.Content);
            body.Write("\r\n"u8);
        }

        body.Write(Encoding.UTF8.GetBytes($"--{boundary}--\r\n"));
        return body.ToArray();
    }

    /// <summary><paramref name="bytes"/> sent with the Content-Type <paramref name="contentType"/> exactly as given.</summary>
    public static HttpContent Raw(byte[] bytes, string contentType)
    {
        var content = new ByteArrayContent(bytes);
        content.Headers.TryAddWithoutValidation("Content-Type", contentType);
        return content;
    }

    /// <summary>Boundary and parts around a body streamed from <paramref name="fileBody"/>, never held whole in memory.</summary>
    public static HttpContent Streamed(Stream fileBody, string fileName)
    {
        var content = new MultipartFormDataContent(Boundary);
        var file = new StreamContent(fileBody);
        file.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
        content.Add(file, "file", fileName);
        return content;
    }
}
