using System.Collections.Concurrent;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;

namespace Studio.Tests.Fakes;

/// <summary>
/// Speaks OpenAI's protocol (providers.md §7a, §7b): <c>POST /v1/chat/completions</c> and <c>POST /v1/audio/speech</c>,
/// Bearer keys (401 otherwise), the <c>{"error":{...}}</c> envelope, 429 with <c>retry-after</c>. Chat replies are
/// scripted (the JSON goes as a string in <c>choices[0].message.content</c>); speech answers real MP3 bytes.
/// </summary>
public sealed class FakeOpenAiServer : FakeHttpServer
{
    public const string Key = "sk-test-0123456789";

    private readonly ConcurrentQueue<FakeReply> _chat = new();
    private readonly ConcurrentQueue<FakeReply> _speech = new();
    private byte[] _mp3 = [];

    public static async Task<FakeOpenAiServer> StartAsync(byte[] speechMp3)
    {
        var server = new FakeOpenAiServer { _mp3 = speechMp3 };
        await server.StartAsync();
        return server;
    }

    /// <summary>Queues a 200 completion whose message content is <paramref name="content"/>.</summary>
    public void ReplyChat(string content, string finishReason = "stop") => _chat.Enqueue(new FakeReply(200, Completion(content, null, finishReason)));

    /// <summary>Queues a 200 completion that refuses.</summary>
    public void ReplyRefusal(string refusal) => _chat.Enqueue(new FakeReply(200, Completion(null, refusal, "stop")));

    /// <summary>Queues an error in OpenAI's envelope for the chat endpoint.</summary>
    public void ReplyChatError(int status, string type, string? code, string message, string? retryAfter = null) =>
        _chat.Enqueue(Error(status, type, code, message, retryAfter));

    /// <summary>Queues an error for the speech endpoint.</summary>
    public void ReplySpeechError(int status, string type, string? code, string message, string? retryAfter = null) =>
        _speech.Enqueue(Error(status, type, code, message, retryAfter));

    /// <summary>A storyboard reply as a model would write it.</summary>
    public static string Storyboard(int scenes, string narration = "A short line.", string hook = "Hook!", string callToAction = "Follow!") =>
        new JsonObject
        {
            ["hook"] = hook,
            ["scenes"] = new JsonArray([.. Enumerable.Range(1, scenes).Select(i => (JsonNode)new JsonObject { ["prompt"] = $"Scene {i}: a bright kitchen", ["narration"] = narration })]),
            ["callToAction"] = callToAction,
        }.ToJsonString();

    protected override async Task HandleAsync(HttpContext context, RecordedRequest request)
    {
        if (request.Method != "POST" || request.Path is not ("/v1/chat/completions" or "/v1/audio/speech"))
        {
            await JsonAsync(context, 404, ErrorJson("invalid_request_error", null, $"Unknown URL {request.Path}"));
            return;
        }

        if (!request.Headers.TryGetValue("Authorization", out var auth) || auth != $"Bearer {Key}")
        {
            await JsonAsync(context, 401, ErrorJson("invalid_request_error", "invalid_api_key", "Incorrect API key provided."));
            return;
        }

        if (request.Path == "/v1/audio/speech")
        {
            await SpeechAsync(context, request);
            return;
        }

        var body = JsonNode.Parse(request.Body)!;
        if (body["model"] is null || body["messages"] is not JsonArray { Count: > 0 })
        {
            await JsonAsync(context, 400, ErrorJson("invalid_request_error", null, "'model' and 'messages' are required."));
            return;
        }

        await WriteAsync(context, _chat.TryDequeue(out var reply) ? reply : new FakeReply(500, ErrorJson("server_error", null, "No reply scripted.")));
    }

    private async Task SpeechAsync(HttpContext context, RecordedRequest request)
    {
        var body = JsonNode.Parse(request.Body)!;
        var input = body["input"]?.GetValue<string>();
        if (body["model"] is null || string.IsNullOrEmpty(input) || input.Length > 4096 || body["voice"] is null)
        {
            await JsonAsync(context, 400, ErrorJson("invalid_request_error", null, "model, input (≤ 4096 chars) and voice are required."));
            return;
        }

        await WriteAsync(context, _speech.TryDequeue(out var reply) ? reply : new FakeReply(200, string.Empty, "audio/mpeg", Bytes: _mp3));
    }

    private static async Task WriteAsync(HttpContext context, FakeReply reply)
    {
        context.Response.StatusCode = reply.Status;
        foreach (var (name, value) in reply.Headers ?? new Dictionary<string, string>())
        {
            context.Response.Headers[name] = value;
        }

        context.Response.Headers["x-request-id"] = "req_" + Guid.NewGuid().ToString("N");
        context.Response.ContentType = reply.ContentType;
        if (reply.Bytes is not null)
        {
            await context.Response.Body.WriteAsync(reply.Bytes);
        }
        else
        {
            await context.Response.WriteAsync(reply.Body);
        }
    }

    private static FakeReply Error(int status, string type, string? code, string message, string? retryAfter) =>
        new(status, ErrorJson(type, code, message), Headers: retryAfter is null ? null : new Dictionary<string, string> { ["retry-after"] = retryAfter });

    private static string ErrorJson(string type, string? code, string message) =>
        JsonSerializer.Serialize(new { error = new { message, type, param = (string?)null, code } });

    private static string Completion(string? content, string? refusal, string finishReason) => JsonSerializer.Serialize(new
    {
        id = "chatcmpl-" + Guid.NewGuid().ToString("N"),
        @object = "chat.completion",
        created = 1700000000,
        model = "gpt-4o-mini-2024-07-18",
        choices = new[] { new { index = 0, message = new { role = "assistant", content, refusal }, logprobs = (object?)null, finish_reason = finishReason } },
        usage = new { prompt_tokens = 10, completion_tokens = 20, total_tokens = 30 },
        system_fingerprint = "fp_test",
    });
}
