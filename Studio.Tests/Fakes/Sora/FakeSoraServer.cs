using System.Buffers.Binary;
using System.Collections.Concurrent;
using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;

namespace Studio.Tests.Fakes.Sora;

/// <summary>
/// Speaks OpenAI's Videos API (providers.md §5) under <c>/v1/</c>: Bearer key (401 otherwise), <c>POST videos</c> as JSON
/// or multipart (file part <c>input_reference</c>, a PNG or JPEG exactly the requested size), <c>seconds</c> a STRING
/// "4"/"8"/"12", <c>size</c> allowed for the model (the 1024/1792 sizes only for sora-2-pro), a prompt containing
/// "[blocked]" refused with 400 <c>moderation_blocked</c>; <c>GET videos/{id}</c> moves queued → in_progress (progress
/// in percent, <see cref="PollsBeforeDone"/> polls) → completed or failed (a scripted <c>error</c>) and sends
/// <c>openai-poll-after-ms</c>; <c>GET videos/{id}/content?variant=video</c> answers the MP4 (404 once expired);
/// <c>DELETE videos/{id}</c>. Errors are OpenAI's envelope; replies can be scripted ahead of the protocol.
/// </summary>
public sealed class FakeSoraServer : FakeHttpServer
{
    public const string Key = "sk-test-sora-0123456789";

    private static readonly string[] Seconds = ["4", "8", "12"];
    private static readonly string[] SmallSizes = ["720x1280", "1280x720"];
    private static readonly string[] ProSizes = ["720x1280", "1280x720", "1024x1792", "1792x1024"];

    private readonly ConcurrentQueue<FakeReply> _scripted = new();
    private readonly ConcurrentDictionary<string, Video> _videos = new();
    private byte[] _mp4 = [];

    /// <summary>The <c>openai-poll-after-ms</c> value sent with every status answer. Default 1500.</summary>
    public int PollAfterMs { get; set; } = 1500;

    /// <summary>Status polls that answer queued then in_progress before the video finishes. Default 2.</summary>
    public int PollsBeforeDone { get; set; } = 2;

    /// <summary>When set, the next videos end in <c>failed</c> with this error (code, message).</summary>
    public (string Code, string Message)? Failure { get; set; }

    /// <summary>When true, the content route answers 404 (the content expired).</summary>
    public bool ContentExpired { get; set; }

    /// <summary>The URL to configure as <c>Studio:Providers:Sora:BaseUrl</c>.</summary>
    public Uri ApiUrl => new(BaseUrl, "/v1/");

    /// <summary>Videos created (accepted submissions).</summary>
    public int Created => _videos.Count;

    /// <summary>The input_reference images received: content type, width, height.</summary>
    public ConcurrentQueue<(string ContentType, int Width, int Height)> InputImages { get; } = new();

    /// <summary>The form fields of multipart creates, in order.</summary>
    public ConcurrentQueue<IReadOnlyDictionary<string, string>> FormFields { get; } = new();

    public static async Task<FakeSoraServer> StartAsync(byte[] mp4)
    {
        var server = new FakeSoraServer { _mp4 = mp4 };
        await server.StartAsync();
        return server;
    }

    /// <summary>Answers the next request (after the key check) with an error in OpenAI's envelope.</summary>
    public void ReplyError(int status, string type, string? code, string message, string? retryAfter = null) =>
        _scripted.Enqueue(new FakeReply(status, ErrorJson(type, code, message, null), Headers: retryAfter is null ? null : new Dictionary<string, string> { ["retry-after"] = retryAfter }));

    protected override async Task HandleAsync(HttpContext context, RecordedRequest request)
    {
        context.Response.Headers["x-request-id"] = "req_" + Guid.NewGuid().ToString("N");
        if (!request.Path.StartsWith("/v1/", StringComparison.Ordinal))
        {
            await JsonAsync(context, 404, ErrorJson("invalid_request_error", null, $"Invalid URL ({request.Method} {request.Path})", null));
            return;
        }

        if (!request.Headers.TryGetValue("Authorization", out var auth) || auth != $"Bearer {Key}")
        {
            await JsonAsync(context, 401, ErrorJson("invalid_request_error", "invalid_api_key", "Incorrect API key provided.", null));
            return;
        }

        if (_scripted.TryDequeue(out var scripted))
        {
            await JsonAsync(context, scripted.Status, scripted.Body, scripted.Headers?.ToDictionary());
            return;
        }

        var route = request.Path["/v1/".Length..].TrimEnd('/').Split('/');
        switch (request.Method, route)
        {
            case ("POST", ["videos"]):
                await CreateAsync(context, request);
                break;
            case ("GET", ["videos", var id]):
                await StatusAsync(context, id);
                break;
            case ("GET", ["videos", var id, "content"]):
                await ContentAsync(context, id);
                break;
            case ("DELETE", ["videos", var id]):
                if (_videos.TryRemove(id, out _))
                {
                    await JsonAsync(context, 200, JsonSerializer.Serialize(new { id, @object = "video.deleted", deleted = true }));
                }
                else
                {
                    await NotFoundAsync(context, id);
                }

                break;
            default:
                await JsonAsync(context, 404, ErrorJson("invalid_request_error", null, $"Invalid URL ({request.Method} {request.Path})", null));
                break;
        }
    }

    private async Task CreateAsync(HttpContext context, RecordedRequest request)
    {
        var contentType = context.Request.ContentType ?? string.Empty;
        Dictionary<string, JsonNode?> fields;
        if (contentType.StartsWith("application/json", StringComparison.Ordinal))
        {
            fields = JsonNode.Parse(request.Body)!.AsObject().ToDictionary(p => p.Key, p => p.Value?.DeepClone());
        }
        else if (contentType.StartsWith("multipart/form-data", StringComparison.Ordinal))
        {
            context.Request.Body.Position = 0;
            var form = await context.Request.ReadFormAsync();
            FormFields.Enqueue(form.ToDictionary(f => f.Key, f => f.Value.ToString()));
            fields = form.ToDictionary(f => f.Key, f => (JsonNode?)JsonValue.Create(f.Value.ToString()));
            if (form.Files["input_reference"] is not { } file)
            {
                await InvalidAsync(context, "input_reference", "input_reference must be a file part.");
                return;
            }

            using var bytes = new MemoryStream();
            await file.CopyToAsync(bytes);
            var (width, height) = PngSize(bytes.ToArray());
            InputImages.Enqueue((file.ContentType, width, height));
            if (file.ContentType is not ("image/png" or "image/jpeg") || $"{width}x{height}" != fields.GetValueOrDefault("size")?.GetValue<string>())
            {
                await InvalidAsync(context, "input_reference", "Inpaint image must match the requested width and height");
                return;
            }
        }
        else
        {
            await InvalidAsync(context, null, "Unsupported content type.");
            return;
        }

        var prompt = fields.GetValueOrDefault("prompt");
        var model = fields.GetValueOrDefault("model")?.GetValue<string>() ?? "sora-2";
        var seconds = fields.GetValueOrDefault("seconds");
        var size = fields.GetValueOrDefault("size");
        if (prompt is null || prompt.GetValueKind() != JsonValueKind.String || prompt.GetValue<string>().Length == 0)
        {
            await InvalidAsync(context, "prompt", "Missing required parameter: 'prompt'.");
            return;
        }

        if (seconds is not null && (seconds.GetValueKind() != JsonValueKind.String || !Seconds.Contains(seconds.GetValue<string>())))
        {
            await InvalidAsync(context, "seconds", $"Invalid value: '{seconds.ToJsonString()}'. Supported values are: '4', '8', and '12'.");
            return;
        }

        var sizes = model.StartsWith("sora-2-pro", StringComparison.Ordinal) ? ProSizes : SmallSizes;
        if (size is not null && (size.GetValueKind() != JsonValueKind.String || !sizes.Contains(size.GetValue<string>())))
        {
            await InvalidAsync(context, "size", $"Invalid value for size with model {model}.");
            return;
        }

        if (prompt.GetValue<string>().Contains("[blocked]", StringComparison.Ordinal))
        {
            await JsonAsync(context, 400, ErrorJson("invalid_request_error", "moderation_blocked", "Your request was blocked by our moderation system.", null));
            return;
        }

        var video = new Video("video_" + Guid.NewGuid().ToString("N"), model, seconds?.GetValue<string>() ?? "4", size?.GetValue<string>() ?? "720x1280", Failure);
        _videos[video.Id] = video;
        await JsonAsync(context, 200, video.ToJson());
    }

    private async Task StatusAsync(HttpContext context, string id)
    {
        if (!_videos.TryGetValue(id, out var video))
        {
            await NotFoundAsync(context, id);
            return;
        }

        video.Poll(PollsBeforeDone);
        await JsonAsync(context, 200, video.ToJson(), new Dictionary<string, string> { ["openai-poll-after-ms"] = PollAfterMs.ToString(CultureInfo.InvariantCulture) });
    }

    private async Task ContentAsync(HttpContext context, string id)
    {
        if (!_videos.TryGetValue(id, out var video) || ContentExpired)
        {
            await NotFoundAsync(context, id);
            return;
        }

        if (video.Status != "completed" || context.Request.Query["variant"] != "video")
        {
            await JsonAsync(context, 400, ErrorJson("invalid_request_error", null, "Video is not ready yet, or the variant is unknown.", "variant"));
            return;
        }

        context.Response.StatusCode = 200;
        context.Response.ContentType = "video/mp4";
        await context.Response.Body.WriteAsync(_mp4);
    }

    private static Task NotFoundAsync(HttpContext context, string id) =>
        JsonAsync(context, 404, ErrorJson("invalid_request_error", null, $"Video with id '{id}' not found.", null));

    private static Task InvalidAsync(HttpContext context, string? param, string message) =>
        JsonAsync(context, 400, ErrorJson("invalid_request_error", null, message, param));

    private static (int Width, int Height) PngSize(byte[] bytes) =>
        bytes.Length >= 24 && bytes[1] == 'P' && bytes[2] == 'N' && bytes[3] == 'G'
            ? (BinaryPrimitives.ReadInt32BigEndian(bytes.AsSpan(16)), BinaryPrimitives.ReadInt32BigEndian(bytes.AsSpan(20)))
            : (0, 0);

    private static string ErrorJson(string type, string? code, string message, string? param) =>
        JsonSerializer.Serialize(new { error = new { message, type, param, code } });

    private sealed class Video(string id, string model, string seconds, string size, (string Code, string Message)? failure)
    {
        private readonly Lock _gate = new();
        private int _polls;

        public string Id { get; } = id;

        public string Status { get; private set; } = "queued";

        public int Progress { get; private set; }

        public void Poll(int pollsBeforeDone)
        {
            lock (_gate)
            {
                _polls++;
                if (Status is "completed" or "failed")
                {
                    return;
                }

                (Status, Progress) = _polls <= 1 && pollsBeforeDone > 0 ? ("queued", 0)
                    : _polls <= pollsBeforeDone ? ("in_progress", 100 * (_polls - 1) / pollsBeforeDone)
                    : failure is null ? ("completed", 100) : ("failed", 0);
            }
        }

        public string ToJson() => new JsonObject
        {
            ["id"] = Id,
            ["object"] = "video",
            ["model"] = model,
            ["status"] = Status,
            ["progress"] = Progress,
            ["created_at"] = 1764064800,
            ["completed_at"] = Status == "completed" ? 1764064860 : null,
            ["expires_at"] = Status == "completed" ? 1764068460 : null,
            ["seconds"] = seconds,
            ["size"] = size,
            ["remixed_from_video_id"] = null,
            ["error"] = Status == "failed" && failure is { } f ? new JsonObject { ["code"] = f.Code, ["message"] = f.Message } : null,
        }.ToJsonString();
    }
}
