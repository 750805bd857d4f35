using System.Collections.Concurrent;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;

namespace Studio.Tests.Fakes.Luma;

/// <summary>
/// Speaks Luma Dream Machine's protocol (providers.md §1) under <c>/dream-machine/v1/</c>: Bearer key (401 otherwise),
/// <c>POST generations</c> (and <c>generations/video</c>) with the create body checked field by field — snake_case,
/// <c>duration</c> a string "5s"/"9s" (a number is a FastAPI 422 list), prompt 3..5000, known model, ratio and
/// resolution, <c>keyframes.frame0</c> an image URL — answered 201 with the generation; <c>GET generations/{id}</c> moves
/// queued → dreaming (<see cref="PollsBeforeDone"/> polls) → completed with <c>assets.video</c> on the fake CDN
/// (<c>/cdn/…</c>, no key needed) or failed with a scripted <c>failure_reason</c>; <c>DELETE generations/{id}</c> 204.
/// Errors are <c>{"detail":"…"}</c>; replies can be scripted ahead of the protocol, and an outage answers 503 to everything.
/// </summary>
public sealed class FakeLumaServer : FakeHttpServer
{
    public const string Key = "luma-test-0123456789";
    public const string ApiRoot = "/dream-machine/v1/";

    private static readonly string[] Models = ["ray-1-6", "ray-2", "ray-flash-2"];
    private static readonly string[] Ratios = ["1:1", "16:9", "9:16", "4:3", "3:4", "21:9", "9:21"];
    private static readonly string[] Durations = ["5s", "9s"];
    private static readonly string[] Resolutions = ["540p", "720p", "1080p", "4k"];

    private readonly ConcurrentQueue<FakeReply> _scripted = new();
    private readonly ConcurrentDictionary<string, Generation> _generations = new();
    private byte[] _mp4 = [];

    /// <summary>Status polls that answer queued then dreaming before the generation finishes. Default 2.</summary>
    public int PollsBeforeDone { get; set; } = 2;

    /// <summary>When set, the next generations end in <c>failed</c> with this reason instead of completing.</summary>
    public string? FailureReason { get; set; }

    /// <summary>When set, the CDN answers this status (403 or 404: the signed link expired) instead of the MP4.</summary>
    public int? ExpiredResultStatus { get; set; }

    /// <summary>When true, every request is answered 503 (an outage).</summary>
    public bool Outage { get; set; }

    /// <summary>The URL to configure as <c>Studio:Providers:Luma:BaseUrl</c>.</summary>
    public Uri ApiUrl => new(BaseUrl, ApiRoot);

    /// <summary>Generations created (accepted submissions).</summary>
    public int Created => _generations.Count;

    /// <summary>Generations that reached <c>completed</c>.</summary>
    public int Completed => _generations.Values.Count(g => g.State == "completed");

    public static async Task<FakeLumaServer> StartAsync(byte[] mp4)
    {
        var server = new FakeLumaServer { _mp4 = mp4 };
        await server.StartAsync();
        return server;
    }

    /// <summary>Answers the next API request (after the key check) with <paramref name="status"/> and Luma's error body.</summary>
    public void ReplyError(int status, string detail, string? retryAfter = null) =>
        _scripted.Enqueue(new FakeReply(status, Detail(detail), Headers: retryAfter is null ? null : new Dictionary<string, string> { ["Retry-After"] = retryAfter }));

    /// <summary>Answers the next API request with a raw body.</summary>
    public void Reply(FakeReply reply) => _scripted.Enqueue(reply);

    /// <summary>The requests to the API (not the CDN), in order.</summary>
    public IReadOnlyList<RecordedRequest> ApiRequests => [.. Requests.Where(r => r.Path.StartsWith(ApiRoot, StringComparison.Ordinal))];

    protected override async Task HandleAsync(HttpContext context, RecordedRequest request)
    {
        if (Outage)
        {
            await JsonAsync(context, 503, Detail("Service Unavailable"));
            return;
        }

        if (request.Path.StartsWith("/cdn/", StringComparison.Ordinal))
        {
            await CdnAsync(context, request);
            return;
        }

        if (!request.Path.StartsWith(ApiRoot, StringComparison.Ordinal))
        {
            await JsonAsync(context, 404, Detail("Not Found"));
            return;
        }

        if (!request.Headers.TryGetValue("Authorization", out var auth) || auth != $"Bearer {Key}")
        {
            await JsonAsync(context, 401, Detail("Invalid API key"));
            return;
        }

        if (_scripted.TryDequeue(out var scripted))
        {
            await WriteAsync(context, scripted);
            return;
        }

        var route = request.Path[ApiRoot.Length..].TrimEnd('/').Split('/');
        switch (request.Method, route)
        {
            case ("POST", ["generations"]) or ("POST", ["generations", "video"]):
                await CreateAsync(context, request);
                break;
            case ("GET", ["generations", var id]):
                await StatusAsync(context, id);
                break;
            case ("DELETE", ["generations", var id]):
                if (_generations.TryRemove(id, out _))
                {
                    context.Response.StatusCode = 204;
                }
                else
                {
                    await JsonAsync(context, 404, Detail("Generation not found"));
                }

                break;
            default:
                await JsonAsync(context, 405, Detail("Method Not Allowed"));
                break;
        }
    }

    private async Task CreateAsync(HttpContext context, RecordedRequest request)
    {
        if (!(context.Request.ContentType ?? string.Empty).StartsWith("application/json", StringComparison.Ordinal))
        {
            await JsonAsync(context, 400, Detail("Content-Type must be application/json"));
            return;
        }

        JsonObject body;
        try
        {
            body = JsonNode.Parse(request.Body) as JsonObject ?? throw new JsonException("not an object");
        }
        catch (JsonException)
        {
            await JsonAsync(context, 400, Detail("Unknown request type"));
            return;
        }

        if (Problem(body) is { } problem)
        {
            await JsonAsync(context, problem.Status, problem.Body);
            return;
        }

        var generation = new Generation(Guid.NewGuid().ToString(), body.ToJsonString(), FailureReason);
        _generations[generation.Id] = generation;
        await JsonAsync(context, 201, generation.ToJson(BaseUrl));
    }

    private static (int Status, string Body)? Problem(JsonObject body)
    {
        if (body["duration"] is JsonValue duration && duration.GetValueKind() != JsonValueKind.String)
        {
            return (422, Invalid("duration", "Input should be a valid string", "string_type"));
        }

        if (body["generation_type"] is { } type && type.GetValueKind() == JsonValueKind.String && type.GetValue<string>() != "video")
        {
            return (400, Detail("Unknown request type"));
        }

        var prompt = body["prompt"]?.GetValue<string>();
        if (prompt is null)
        {
            return (400, Detail("Prompt is required"));
        }

        if (prompt.Length < 3)
        {
            return (400, Detail("Prompt is too short, minimum length is 3 characters"));
        }

        if (prompt.Length > 5000)
        {
            return (400, Detail("Prompt is too long, maximum length is 5000 characters"));
        }

        foreach (var (field, allowed) in new[] { ("model", Models), ("aspect_ratio", Ratios), ("duration", Durations), ("resolution", Resolutions) })
        {
            if (body[field] is { } value && !allowed.Contains(value.GetValue<string>()))
            {
                return (422, Invalid(field, $"Input should be {string.Join(", ", allowed)}", "literal_error"));
            }
        }

        if (body["keyframes"] is JsonObject keyframes
            && (keyframes["frame0"]?["type"]?.GetValue<string>() != "image"
                || !Uri.TryCreate(keyframes["frame0"]?["url"]?.GetValue<string>(), UriKind.Absolute, out _)))
        {
            return (422, Invalid("keyframes", "frame0 must be {\"type\":\"image\",\"url\":…}", "value_error"));
        }

        return null;
    }

    private async Task StatusAsync(HttpContext context, string id)
    {
        if (!_generations.TryGetValue(id, out var generation))
        {
            await JsonAsync(context, 404, Detail("Generation not found"));
            return;
        }

        generation.Poll(PollsBeforeDone);
        await JsonAsync(context, 200, generation.ToJson(BaseUrl));
    }

    private async Task CdnAsync(HttpContext context, RecordedRequest request)
    {
        if (ExpiredResultStatus is { } expired)
        {
            context.Response.StatusCode = expired;
            context.Response.ContentType = "application/xml";
            await context.Response.WriteAsync("<Error><Code>AccessDenied</Code><Message>Request has expired</Message></Error>");
            return;
        }

        var id = request.Path["/cdn/".Length..].Replace(".mp4", string.Empty, StringComparison.Ordinal);
        if (!_generations.TryGetValue(id, out var generation) || generation.State != "completed")
        {
            context.Response.StatusCode = 404;
            return;
        }

        context.Response.StatusCode = 200;
        context.Response.ContentType = "video/mp4";
        await context.Response.Body.WriteAsync(_mp4);
    }

    private static async Task WriteAsync(HttpContext context, FakeReply reply)
    {
        foreach (var (name, value) in reply.Headers ?? new Dictionary<string, string>())
        {
            context.Response.Headers[name] = value;
        }

        await JsonAsync(context, reply.Status, reply.Body);
    }

    private static string Detail(string message) => JsonSerializer.Serialize(new { detail = message });

    private static string Invalid(string field, string message, string type) =>
        JsonSerializer.Serialize(new { detail = new[] { new { loc = new[] { "body", field }, msg = message, type } } });

    private sealed class Generation(string id, string request, string? failureReason)
    {
        private readonly Lock _gate = new();
        private int _polls;

        public string Id { get; } = id;

        public string State { get; private set; } = "queued";

        public void Poll(int pollsBeforeDone)
        {
            lock (_gate)
            {
                _polls++;
                if (State is "completed" or "failed")
                {
                    return;
                }

                State = _polls <= 1 && pollsBeforeDone > 0 ? "queued"
                    : _polls <= pollsBeforeDone ? "dreaming"
                    : failureReason is null ? "completed" : "failed";
            }
        }

        public string ToJson(Uri baseUrl) => new JsonObject
        {
            ["id"] = Id,
            ["generation_type"] = "video",
            ["state"] = State,
            ["failure_reason"] = State == "failed" ? failureReason : null,
            ["created_at"] = "2026-11-25T10:00:00.000Z",
            ["model"] = JsonNode.Parse(request)!["model"]?.GetValue<string>(),
            ["assets"] = new JsonObject
            {
                ["video"] = State == "completed" ? new Uri(baseUrl, $"/cdn/{Id}.mp4").ToString() : null,
                ["image"] = null,
                ["progress_video"] = null,
            },
            ["request"] = JsonNode.Parse(request),
        }.ToJsonString();
    }
}
