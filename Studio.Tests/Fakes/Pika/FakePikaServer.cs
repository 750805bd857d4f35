using System.Collections.Concurrent;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;

namespace Studio.Tests.Fakes.Pika;

/// <summary>
/// Speaks fal.ai's queue protocol for Pika v2.2 (providers.md §4): <c>Authorization: Key …</c> (401
/// <c>{"detail":"Unauthorized"}</c> otherwise); <c>POST /fal-ai/pika/v2.2/{text,image}-to-video</c> with its JSON fields
/// checked by name and type (422 FastAPI <c>detail</c> list otherwise); queue URLs that drop the model's sub-path;
/// status <c>IN_QUEUE</c> (202, with <c>queue_position</c>) for the first poll, <c>IN_PROGRESS</c> (202) until
/// <see cref="PollsBeforeDone"/> polls, then <c>COMPLETED</c> (200); the result (or the model's scripted error) at the
/// response URL, 400 "still in progress" before; <c>PUT …/cancel</c> 202 / 400 <c>ALREADY_COMPLETED</c>; and the clip on a
/// CDN path that must be fetched without the key.
/// </summary>
public sealed class FakePikaServer : FakeHttpServer
{
    public const string Key = "fal-test-key-0123:abcdef";

    private const string App = "/fal-ai/pika";
    private static readonly HashSet<string> Ratios = ["16:9", "9:16", "1:1", "4:5", "5:4", "3:2", "2:3"];

    private readonly ConcurrentQueue<FakeReply> _submitReplies = new();
    private readonly ConcurrentQueue<FakeReply> _outcomes = new();
    private readonly ConcurrentDictionary<string, FalRequest> _requests = new();
    private byte[] _mp4 = [];

    /// <summary>Status polls answered before <c>COMPLETED</c>: the first is <c>IN_QUEUE</c>, the rest <c>IN_PROGRESS</c>. Default 2.</summary>
    public int PollsBeforeDone { get; set; } = 2;

    /// <summary>Answer status and cancel URLs in a layout other than "{response_url}/status" (still on this host).</summary>
    public bool OtherUrlLayout { get; set; }

    /// <summary>Answer queue URLs on another host (one that does not exist).</summary>
    public string? ForeignHost { get; set; }

    /// <summary>The CDN has dropped the result files (404).</summary>
    public bool CdnExpired { get; set; }

    /// <summary>Requests queued so far (each is billable at fal).</summary>
    public int Submissions => _requests.Count;

    /// <summary>Ids of the requests that were cancelled.</summary>
    public IEnumerable<string> Cancelled => _requests.Values.Where(r => r.Cancelled).Select(r => r.Id);

    public static async Task<FakePikaServer> StartAsync(byte[] mp4)
    {
        var server = new FakePikaServer { _mp4 = mp4 };
        await server.StartAsync();
        return server;
    }

    /// <summary>Answers the next submission with this instead of queueing it.</summary>
    public void ReplySubmit(int status, string json, string? retryAfter = null) =>
        _submitReplies.Enqueue(new FakeReply(status, json, Headers: retryAfter is null ? null : new Dictionary<string, string> { ["Retry-After"] = retryAfter }));

    /// <summary>The next queued request completes with this answer at its response URL (instead of the video).</summary>
    public void CompleteNextWith(int status, string json) => _outcomes.Enqueue(new FakeReply(status, json));

    /// <summary>The JSON of fal's FastAPI validation error for one field.</summary>
    public static string ValidationError(string field, string message, string type) =>
        JsonSerializer.Serialize(new { detail = new[] { new { loc = new[] { "body", field }, msg = message, type } } });

    /// <summary>The JSON of a plain fal error.</summary>
    public static string Detail(string message) => JsonSerializer.Serialize(new { detail = message });

    protected override async Task HandleAsync(HttpContext context, RecordedRequest request)
    {
        var path = request.Path;
        if (path.StartsWith("/cdn/", StringComparison.Ordinal))
        {
            await CdnAsync(context, request);
            return;
        }

        if (!request.Headers.TryGetValue("Authorization", out var auth) || auth != $"Key {Key}")
        {
            await JsonAsync(context, 401, Detail("Unauthorized"));
            return;
        }

        if (request.Method == "POST" && path is "/fal-ai/pika/v2.2/text-to-video" or "/fal-ai/pika/v2.2/image-to-video")
        {
            await SubmitAsync(context, request, imageToVideo: path.EndsWith("image-to-video", StringComparison.Ordinal));
            return;
        }

        var (id, route) = Route(path);
        if (id is null || !_requests.TryGetValue(id, out var falRequest))
        {
            await JsonAsync(context, 404, Detail("Request not found"));
            return;
        }

        switch (request.Method, route)
        {
            case ("GET", "status"):
                await StatusAsync(context, falRequest);
                return;
            case ("GET", "response"):
                await ResponseAsync(context, falRequest);
                return;
            case ("PUT", "cancel"):
                if (falRequest.Completed)
                {
                    await JsonAsync(context, 400, """{"status":"ALREADY_COMPLETED"}""");
                    return;
                }

                falRequest.Cancelled = true;
                await JsonAsync(context, 202, """{"status":"CANCELLATION_REQUESTED"}""");
                return;
            default:
                await JsonAsync(context, 405, Detail("Method Not Allowed"));
                return;
        }
    }

    private async Task SubmitAsync(HttpContext context, RecordedRequest request, bool imageToVideo)
    {
        if (_submitReplies.TryDequeue(out var scripted))
        {
            await JsonAsync(context, scripted.Status, scripted.Body, scripted.Headers?.ToDictionary());
            return;
        }

        var problem = Check(request.Body, imageToVideo);
        if (problem is not null)
        {
            await JsonAsync(context, 422, problem);
            return;
        }

        var id = Guid.NewGuid().ToString();
        var baseUrl = ForeignHost is null ? BaseUrl.ToString().TrimEnd('/') : ForeignHost;
        var falRequest = new FalRequest(id, _outcomes.TryDequeue(out var outcome) ? outcome : null);
        _requests[id] = falRequest;
        var response = $"{baseUrl}{App}/requests/{id}";
        var status = OtherUrlLayout ? $"{baseUrl}{App}/status-of/{id}" : $"{response}/status";
        var cancel = OtherUrlLayout ? $"{baseUrl}{App}/cancel-of/{id}" : $"{response}/cancel";
        await JsonAsync(context, 200, JsonSerializer.Serialize(new
        {
            status = "IN_QUEUE",
            request_id = id,
            response_url = response,
            status_url = status,
            cancel_url = cancel,
            queue_position = 0,
        }));
    }

    private async Task StatusAsync(HttpContext context, FalRequest falRequest)
    {
        var poll = Interlocked.Increment(ref falRequest.Polls);
        if (poll <= PollsBeforeDone && !falRequest.Cancelled)
        {
            var body = poll == 1
                ? """{"status":"IN_QUEUE","queue_position":3,"response_url":"ignored"}"""
                : """{"status":"IN_PROGRESS","logs":[{"message":"Generating","timestamp":"2026-11-25T10:00:00","level":"INFO"}]}""";
            await JsonAsync(context, 202, body);
            return;
        }

        falRequest.Completed = true;
        await JsonAsync(context, 200, """{"status":"COMPLETED","logs":null,"metrics":{"inference_time":41.2}}""");
    }

    private async Task ResponseAsync(HttpContext context, FalRequest falRequest)
    {
        if (!falRequest.Completed)
        {
            await JsonAsync(context, 400, Detail("Request is still in progress"));
            return;
        }

        if (falRequest.Outcome is { } outcome)
        {
            await JsonAsync(context, outcome.Status, outcome.Body);
            return;
        }

        var url = $"{BaseUrl.ToString().TrimEnd('/')}/cdn/files/{falRequest.Id}/output.mp4";
        await JsonAsync(context, 200, JsonSerializer.Serialize(new
        {
            video = new { url, content_type = "video/mp4", file_name = "output.mp4", file_size = _mp4.Length },
        }));
    }

    private async Task CdnAsync(HttpContext context, RecordedRequest request)
    {
        if (CdnExpired || request.Method != "GET")
        {
            context.Response.StatusCode = 404;
            context.Response.ContentType = "text/plain";
            await context.Response.WriteAsync("Not Found");
            return;
        }

        context.Response.StatusCode = 200;
        context.Response.ContentType = "video/mp4";
        await context.Response.Body.WriteAsync(_mp4);
    }

    private (string? Id, string Route) Route(string path)
    {
        foreach (var (prefix, route) in new[] { ($"{App}/status-of/", "status"), ($"{App}/cancel-of/", "cancel") })
        {
            if (OtherUrlLayout && path.StartsWith(prefix, StringComparison.Ordinal))
            {
                return (path[prefix.Length..], route);
            }
        }

        const string requests = App + "/requests/";
        if (!path.StartsWith(requests, StringComparison.Ordinal))
        {
            return (null, string.Empty);
        }

        var rest = path[requests.Length..].Split('/');
        return rest switch
        {
            [var id] => (id, "response"),
            [var id, "status"] when !OtherUrlLayout => (id, "status"),
            [var id, "cancel"] when !OtherUrlLayout => (id, "cancel"),
            _ => (null, string.Empty),
        };
    }

    /// <summary>fal's FastAPI validation of Pika v2.2's input: a 422 body, or null when the body is valid.</summary>
    private static string? Check(string body, bool imageToVideo)
    {
        JsonObject json;
        try
        {
            json = JsonNode.Parse(body) as JsonObject ?? throw new JsonException();
        }
        catch (JsonException)
        {
            return """{"detail":[{"loc":["body"],"msg":"Expecting value","type":"value_error.jsondecode"}]}""";
        }

        if (json["prompt"] is not JsonValue prompt || prompt.GetValueKind() != JsonValueKind.String || string.IsNullOrWhiteSpace(prompt.GetValue<string>()))
        {
            return ValidationError("prompt", "field required", "value_error.missing");
        }

        if (json["resolution"] is JsonValue resolution && resolution.GetValue<string>() is not ("720p" or "1080p"))
        {
            return ValidationError("resolution", "value is not a valid enumeration member; permitted: '720p', '1080p'", "type_error.enum");
        }

        if (json["duration"] is { } duration && (duration.GetValueKind() != JsonValueKind.Number || duration.GetValue<int>() is not (5 or 10)))
        {
            return ValidationError("duration", "value is not a valid enumeration member; permitted: 5, 10", "type_error.enum");
        }

        if (imageToVideo)
        {
            if (json["image_url"] is not JsonValue image || image.GetValueKind() != JsonValueKind.String)
            {
                return ValidationError("image_url", "field required", "value_error.missing");
            }
        }
        else if (json["aspect_ratio"] is JsonValue ratio && !Ratios.Contains(ratio.GetValue<string>()))
        {
            return ValidationError("aspect_ratio", "value is not a valid enumeration member", "type_error.enum");
        }

        return null;
    }

    private sealed class FalRequest(string id, FakeReply? outcome)
    {
        public int Polls;

        public string Id { get; } = id;

        public FakeReply? Outcome { get; } = outcome;

        public volatile bool Completed;

        public volatile bool Cancelled;
    }
}
