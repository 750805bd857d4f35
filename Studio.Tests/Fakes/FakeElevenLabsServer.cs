using System.Collections.Concurrent;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;

namespace Studio.Tests.Fakes;

/// <summary>
/// Speaks ElevenLabs' text-to-speech protocol (providers.md §7c): <c>POST /v1/text-to-speech/{voice_id}?output_format=…</c>,
/// the <c>xi-api-key</c> header, <c>{"detail":{"status","message"}}</c> errors, 422 in FastAPI's list form for bad
/// bodies, 429 <c>too_many_concurrent_requests</c>; answers real MP3 bytes.
/// </summary>
public sealed class FakeElevenLabsServer : FakeHttpServer
{
    public const string Key = "xi-test-0123456789";

    private readonly ConcurrentQueue<(int Status, string Code, string Message, string? RetryAfter)> _errors = new();
    private byte[] _mp3 = [];

    public static async Task<FakeElevenLabsServer> StartAsync(byte[] speechMp3)
    {
        var server = new FakeElevenLabsServer { _mp3 = speechMp3 };
        await server.StartAsync();
        return server;
    }

    /// <summary>Queues an error for the next request.</summary>
    public void ReplyError(int status, string code, string message, string? retryAfter = null) => _errors.Enqueue((status, code, message, retryAfter));

    protected override async Task HandleAsync(HttpContext context, RecordedRequest request)
    {
        if (request.Method != "POST" || !request.Path.StartsWith("/v1/text-to-speech/", StringComparison.Ordinal))
        {
            await JsonAsync(context, 404, Detail("not_found", "Not found"));
            return;
        }

        if (!request.Headers.TryGetValue("xi-api-key", out var key) || key != Key)
        {
            await JsonAsync(context, 401, Detail("invalid_api_key", "Invalid API key"));
            return;
        }

        if (_errors.TryDequeue(out var error))
        {
            await JsonAsync(context, error.Status, Detail(error.Code, error.Message), error.RetryAfter is null ? null : new Dictionary<string, string> { ["retry-after"] = error.RetryAfter });
            return;
        }

        var body = JsonNode.Parse(request.Body);
        if (string.IsNullOrEmpty(body?["text"]?.GetValue<string>()))
        {
            await JsonAsync(context, 422, """{"detail":[{"loc":["body","text"],"msg":"field required","type":"value_error.missing"}]}""");
            return;
        }

        context.Response.StatusCode = 200;
        context.Response.ContentType = "audio/mpeg";
        context.Response.Headers["request-id"] = Guid.NewGuid().ToString("N");
        await context.Response.Body.WriteAsync(_mp3);
    }

    private static string Detail(string status, string message) => JsonSerializer.Serialize(new { detail = new { status, message } });
}
