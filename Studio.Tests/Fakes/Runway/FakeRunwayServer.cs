using System.Collections.Concurrent;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;

namespace Studio.Tests.Fakes.Runway;

/// <summary>
/// Speaks Runway's API as providers.md §2 documents it: Bearer key (401 otherwise) and <c>X-Runway-Version:
/// 2024-11-06</c> on every call (400 otherwise); <c>POST /v1/image_to_video | text_to_video | video_to_video</c> with
/// camelCase bodies checked field by field (<c>duration</c> an integer 5 or 10, <c>ratio</c> one of the gen4 sizes,
/// <c>promptText</c> ≤ 1000); <c>GET /v1/tasks/{id}</c> walking through <see cref="Polls"/> before its ending;
/// <c>DELETE /v1/tasks/{id}</c> (204, then the task is gone; 404 for an unknown one); errors as <c>{"error": "…"}</c>.
/// Results are served from a signed "CDN" path on the same server (<c>/cdn/{id}.mp4?_jwt=…</c>).
/// </summary>
public sealed class FakeRunwayServer : FakeHttpServer
{
    public const string Key = "key_runway_test_0123456789";
    public const string Version = "2024-11-06";

    private static readonly HashSet<string> Ratios = ["1280:720", "720:1280", "1104:832", "832:1104", "960:960", "1584:672"];

    private readonly ConcurrentQueue<FakeReply> _createReplies = new();
    private readonly ConcurrentQueue<FakeReply> _taskReplies = new();
    private readonly ConcurrentDictionary<string, FakeTask> _tasks = new();
    private byte[] _mp4 = [];

    /// <summary>Statuses answered before the task ends, in order (RUNNING with rising progress). Default PENDING, THROTTLED, RUNNING.</summary>
    public IReadOnlyList<string> Polls { get; set; } = ["PENDING", "THROTTLED", "RUNNING"];

    /// <summary>When set, tasks end FAILED with this failure and code instead of SUCCEEDED.</summary>
    public (string Failure, string Code)? Failure { get; set; }

    /// <summary>When set, the CDN answers this status (an expired signed URL) instead of the clip.</summary>
    public int? ResultStatus { get; set; }

    /// <summary>Tasks created (what Runway would bill).</summary>
    public int TasksCreated => _tasks.Count;

    public static async Task<FakeRunwayServer> StartAsync(byte[] mp4)
    {
        var server = new FakeRunwayServer { _mp4 = mp4 };
        await server.StartAsync();
        return server;
    }

    /// <summary>The next create call is answered this way (before any check), e.g. 429 daily cap.</summary>
    public void ReplyToCreate(int status, string error, string? retryAfter = null) => _createReplies.Enqueue(Error(status, error, retryAfter));

    /// <summary>The next task call (GET) is answered with this error.</summary>
    public void ReplyToTask(int status, string error) => _taskReplies.Enqueue(Error(status, error, null));

    /// <summary>The next task call (GET) is answered with this task JSON.</summary>
    public void ReplyToTaskWith(string json) => _taskReplies.Enqueue(new FakeReply(200, json));

    /// <summary>The requests to the API (not the CDN).</summary>
    public IReadOnlyList<RecordedRequest> ApiRequests => Requests.Where(r => r.Path.StartsWith("/v1/", StringComparison.Ordinal)).ToList();

    /// <summary>The requests to the CDN.</summary>
    public IReadOnlyList<RecordedRequest> CdnRequests => Requests.Where(r => r.Path.StartsWith("/cdn/", StringComparison.Ordinal)).ToList();

    protected override async Task HandleAsync(HttpContext context, RecordedRequest request)
    {
        if (request.Path.StartsWith("/cdn/", StringComparison.Ordinal))
        {
            await ResultAsync(context, request);
            return;
        }

        if (!request.Headers.TryGetValue("Authorization", out var auth) || auth != $"Bearer {Key}")
        {
            await JsonAsync(context, 401, ErrorJson("Invalid API key. Check that you're using a valid API secret."));
            return;
        }

        if (!request.Headers.TryGetValue("X-Runway-Version", out var version) || version != Version)
        {
            await JsonAsync(context, 400, ErrorJson($"Invalid or missing API version. Set the X-Runway-Version header to {Version}."));
            return;
        }

        var segments = request.Path.Split('/', StringSplitOptions.RemoveEmptyEntries);
        switch (request.Method, segments)
        {
            case ("POST", ["v1", "image_to_video" or "text_to_video" or "video_to_video"]):
                await CreateAsync(context, request, segments[1]);
                break;
            case ("GET", ["v1", "tasks", var id]):
                await GetTaskAsync(context, id);
                break;
            case ("DELETE", ["v1", "tasks", var id]):
                if (_tasks.TryGetValue(id, out var task) && !task.Deleted)
                {
                    task.Deleted = true;
                    context.Response.StatusCode = 204;
                }
                else
                {
                    await JsonAsync(context, 404, ErrorJson("Not found"));
                }

                break;
            case (_, ["v1", ..]):
                await JsonAsync(context, 405, ErrorJson("Method not allowed"));
                break;
            default:
                await JsonAsync(context, 404, ErrorJson("Not found"));
                break;
        }
    }

    private async Task CreateAsync(HttpContext context, RecordedRequest request, string route)
    {
        if (_createReplies.TryDequeue(out var scripted))
        {
            await WriteAsync(context, scripted);
            return;
        }

        JsonObject body;
        try
        {
            body = JsonNode.Parse(request.Body)!.AsObject();
        }
        catch (JsonException)
        {
            await JsonAsync(context, 400, ErrorJson("Invalid JSON body"));
            return;
        }

        var problem = Check(body, route);
        if (problem is not null)
        {
            await JsonAsync(context, 400, JsonSerializer.Serialize(new { error = "Validation of body failed", issues = new[] { new { message = problem } } }));
            return;
        }

        var id = Guid.NewGuid().ToString();
        _tasks[id] = new FakeTask();
        await JsonAsync(context, 200, JsonSerializer.Serialize(new { id }));
    }

    private static string? Check(JsonObject body, string route)
    {
        if (body["model"] is not JsonValue model || model.GetValueKind() != JsonValueKind.String)
        {
            return "model: required string";
        }

        if (body["ratio"] is not JsonValue ratio || ratio.GetValueKind() != JsonValueKind.String || !Ratios.Contains(ratio.GetValue<string>()))
        {
            return "ratio: must be one of " + string.Join(", ", Ratios);
        }

        var promptText = body["promptText"];
        if (promptText is not null && (promptText.GetValueKind() != JsonValueKind.String || promptText.GetValue<string>().Length > 1000))
        {
            return "promptText: string of at most 1000 characters";
        }

        if (route != "image_to_video" && promptText is null)
        {
            return "promptText: required";
        }

        if (route != "video_to_video"
            && (body["duration"] is not JsonValue duration || duration.GetValueKind() != JsonValueKind.Number || duration.GetValue<double>() is not (5 or 10)))
        {
            return "duration: must be the integer 5 or 10";
        }

        return route switch
        {
            "image_to_video" when body["promptImage"]?.GetValueKind() != JsonValueKind.String
                || !body["promptImage"]!.GetValue<string>().StartsWith("data:image/", StringComparison.Ordinal)
                    && !body["promptImage"]!.GetValue<string>().StartsWith("https://", StringComparison.Ordinal) => "promptImage: HTTPS URL or data URI",
            "video_to_video" when body["videoUri"]?.GetValueKind() != JsonValueKind.String
                || !body["videoUri"]!.GetValue<string>().StartsWith("https://", StringComparison.Ordinal) => "videoUri: HTTPS URL",
            _ => null,
        };
    }

    private async Task GetTaskAsync(HttpContext context, string id)
    {
        if (_taskReplies.TryDequeue(out var scripted))
        {
            await WriteAsync(context, scripted);
            return;
        }

        if (!_tasks.TryGetValue(id, out var task) || task.Deleted)
        {
            await JsonAsync(context, 404, ErrorJson("Not found"));
            return;
        }

        var poll = task.NextPoll();
        var json = new JsonObject { ["id"] = id, ["createdAt"] = "2026-11-25T10:00:00.000Z" };
        if (poll < Polls.Count)
        {
            json["status"] = Polls[poll];
            if (Polls[poll] == "RUNNING")
            {
                json["progress"] = Math.Round((poll + 1.0) / (Polls.Count + 1), 2);
            }
        }
        else if (Failure is { } failure)
        {
            json["status"] = "FAILED";
            json["failure"] = failure.Failure;
            json["failureCode"] = failure.Code;
        }
        else
        {
            json["status"] = "SUCCEEDED";
            json["output"] = new JsonArray(new Uri(BaseUrl, $"cdn/{id}.mp4?_jwt=signed.{id[..8]}").ToString());
        }

        await JsonAsync(context, 200, json.ToJsonString());
    }

    private async Task ResultAsync(HttpContext context, RecordedRequest request)
    {
        if (ResultStatus is { } status)
        {
            context.Response.StatusCode = status;
            context.Response.ContentType = "application/xml";
            await context.Response.WriteAsync("<Error><Code>AccessDenied</Code><Message>Request has expired</Message></Error>");
            return;
        }

        if (!request.Query.Contains("_jwt=", StringComparison.Ordinal))
        {
            context.Response.StatusCode = 403;
            return;
        }

        context.Response.StatusCode = 200;
        context.Response.ContentType = "video/mp4";
        await context.Response.Body.WriteAsync(_mp4);
    }

    private static async Task WriteAsync(HttpContext context, FakeReply reply)
    {
        context.Response.StatusCode = reply.Status;
        foreach (var (name, value) in reply.Headers ?? new Dictionary<string, string>())
        {
            context.Response.Headers[name] = value;
        }

        context.Response.ContentType = reply.ContentType;
        await context.Response.WriteAsync(reply.Body);
    }

    private static FakeReply Error(int status, string error, string? retryAfter) =>
        new(status, ErrorJson(error), Headers: retryAfter is null ? null : new Dictionary<string, string> { ["Retry-After"] = retryAfter });

    private static string ErrorJson(string error) => JsonSerializer.Serialize(new { error });

    /// <summary>A task the fake created.</summary>
    private sealed class FakeTask
    {
        private int _polls;

        public bool Deleted { get; set; }

        /// <summary>The index of this poll, from 0.</summary>
        public int NextPoll() => Interlocked.Increment(ref _polls) - 1;
    }
}
