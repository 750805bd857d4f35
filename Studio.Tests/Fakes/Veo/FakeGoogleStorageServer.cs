using Microsoft.AspNetCore.Http;

namespace Studio.Tests.Fakes.Veo;

/// <summary>
/// The storage host the Gemini API's file download redirects to: a second server (another port, so another origin),
/// serving the clip on any GET whose link carries a signature, recording each request's headers so a test can prove
/// the API key never reached it.
/// </summary>
public sealed class FakeGoogleStorageServer : FakeHttpServer
{
    private byte[] _mp4 = [];

    /// <summary>When set, every answer is this status (an expired object).</summary>
    public int? Status { get; set; }

    public static async Task<FakeGoogleStorageServer> StartAsync(byte[] mp4)
    {
        var server = new FakeGoogleStorageServer { _mp4 = mp4 };
        await server.StartAsync();
        return server;
    }

    protected override async Task HandleAsync(HttpContext context, RecordedRequest request)
    {
        if (Status is { } status || !request.Query.Contains("X-Goog-Signature=", StringComparison.Ordinal))
        {
            context.Response.StatusCode = Status ?? 403;
            context.Response.ContentType = "application/xml";
            await context.Response.WriteAsync("<Error><Code>NoSuchKey</Code><Message>The specified key does not exist.</Message></Error>");
            return;
        }

        context.Response.StatusCode = 200;
        context.Response.ContentType = "video/mp4";
        await context.Response.Body.WriteAsync(_mp4);
    }
}
