using System.Collections.Concurrent;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;

namespace Studio.Tests.Fakes.Veo;

/// <summary>
/// Speaks the Gemini API's Veo routes as providers.md §6 documents them, under <c>/v1beta/</c>: the key in
/// <c>x-goog-api-key</c> (a missing key is 403 PERMISSION_DENIED, a wrong one 400 INVALID_ARGUMENT with the reason
/// API_KEY_INVALID, as Google answers); <c>POST models/{model}:predictLongRunning</c> with its body checked
/// (<c>durationSeconds</c> a number 4, 6 or 8; <c>aspectRatio</c> 16:9 or 9:16; one instance, optional inline image);
/// <c>GET {operation name}</c> running for <see cref="PollsBeforeDone"/> polls (first without <c>done</c>, then
/// <c>done:false</c>), then done with a video, an error or a safety filter; <c>GET files/{id}:download?alt=media</c>
/// answering 302 to <see cref="Storage"/>. Errors are <c>{"error":{"code","message","status"}}</c>; 429
/// RESOURCE_EXHAUSTED comes without Retry-After.
/// </summary>
public sealed class FakeVeoServer : FakeHttpServer
{
    public const string Key = "AIzaSyTest-veo-0123456789";

    private readonly ConcurrentQueue<FakeReply> _startReplies = new();
    private readonly ConcurrentQueue<FakeReply> _operationReplies = new();
    private readonly ConcurrentDictionary<string, int> _operations = new();

    private FakeVeoServer(FakeGoogleStorageServer storage)
    {
        Storage = storage;
    }

    /// <summary>Where file downloads redirect to.</summary>
    public FakeGoogleStorageServer Storage { get; }

    /// <summary>The API's base address as configured: <c>{BaseUrl}v1beta/</c>.</summary>
    public Uri ApiBase => new(BaseUrl, "v1beta/");

    /// <summary>Polls answered "running" before the operation is done. Default 2.</summary>
    public int PollsBeforeDone { get; set; } = 2;

    /// <summary>
    /// When set, operations end with this error instead of a video: a google.rpc.Status, rpc code and message, with the
    /// code's name when <c>Status</c> is set (providers.md shows it; the rpc type itself has no such field).
    /// </summary>
    public (int Code, string? Status, string Message)? OperationError { get; set; }

    /// <summary>When set, operations end with no video and these safety-filter reasons.</summary>
    public IReadOnlyList<string>? FilteredReasons { get; set; }

    /// <summary>When true, the file route answers 404 (Google keeps files 2 days).</summary>
    public bool FileGone { get; set; }

    /// <summary>Operations started (what Google would bill).</summary>
    public int OperationsStarted => _operations.Count;

    public static async Task<FakeVeoServer> StartAsync(byte[] mp4)
    {
        var storage = await FakeGoogleStorageServer.StartAsync(mp4);
        var server = new FakeVeoServer(storage);
        await server.StartAsync();
        return server;
    }

    /// <summary>The next start call is answered with this Google error (before any check).</summary>
    public void ReplyToStart(int status, string rpcStatus, string message) => _startReplies.Enqueue(new FakeReply(status, ErrorJson(status, rpcStatus, message)));

    /// <summary>The next operation poll is answered with this Google error.</summary>
    public void ReplyToOperation(int status, string rpcStatus, string message) => _operationReplies.Enqueue(new FakeReply(status, ErrorJson(status, rpcStatus, message)));

    public new async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        await Storage.DisposeAsync();
    }

    protected override async Task HandleAsync(HttpContext context, RecordedRequest request)
    {
        if (!request.Headers.TryGetValue("x-goog-api-key", out var key))
        {
            await JsonAsync(context, 403, ErrorJson(403, "PERMISSION_DENIED", "Method doesn't allow unregistered callers (callers without established identity). Please use API Key or other form of API consumer identity to call this API."));
            return;
        }

        if (key != Key)
        {
            var invalid = new JsonObject
            {
                ["error"] = new JsonObject
                {
                    ["code"] = 400,
                    ["message"] = "API key not valid. Please pass a valid API key.",
                    ["status"] = "INVALID_ARGUMENT",
                    ["details"] = new JsonArray(new JsonObject
                    {
                        ["@type"] = "type.googleapis.com/google.rpc.ErrorInfo",
                        ["reason"] = "API_KEY_INVALID",
                        ["domain"] = "googleapis.com",
                    }),
                },
            };
            await JsonAsync(context, 400, invalid.ToJsonString());
            return;
        }

        var path = request.Path.StartsWith("/v1beta/", StringComparison.Ordinal) ? request.Path["/v1beta/".Length..] : null;
        var segments = path?.Split('/') ?? [];
        switch (request.Method, segments)
        {
            case ("POST", ["models", var call]) when call.EndsWith(":predictLongRunning", StringComparison.Ordinal):
                await StartOperationAsync(context, request, call[..^":predictLongRunning".Length]);
                break;
            case ("GET", ["models", _, "operations", _]):
                await OperationAsync(context, path!);
                break;
            case ("GET", ["files", var file]) when file.EndsWith(":download", StringComparison.Ordinal) && request.Query == "?alt=media":
                if (FileGone)
                {
                    await JsonAsync(context, 404, ErrorJson(404, "NOT_FOUND", "File not found."));
                    return;
                }

                context.Response.StatusCode = 302;
                context.Response.Headers.Location = new Uri(Storage.BaseUrl, $"video/{file[..^":download".Length]}.mp4?X-Goog-Algorithm=GOOG4-RSA-SHA256&X-Goog-Signature=ab12").ToString();
                break;
            default:
                await JsonAsync(context, 404, ErrorJson(404, "NOT_FOUND", $"Method not found: {request.Method} {request.Path}"));
                break;
        }
    }

    private async Task StartOperationAsync(HttpContext context, RecordedRequest request, string model)
    {
        if (_startReplies.TryDequeue(out var scripted))
        {
            await JsonAsync(context, scripted.Status, scripted.Body);
            return;
        }

        var problem = Check(JsonNode.Parse(request.Body) as JsonObject);
        if (problem is not null)
        {
            await JsonAsync(context, 400, ErrorJson(400, "INVALID_ARGUMENT", problem));
            return;
        }

        var name = $"models/{model}/operations/{Guid.NewGuid():N}";
        _operations[name] = 0;
        await JsonAsync(context, 200, JsonSerializer.Serialize(new { name }));
    }

    private static string? Check(JsonObject? body)
    {
        if (body?["instances"] is not JsonArray { Count: 1 } instances || instances[0] is not JsonObject instance)
        {
            return "* instances: exactly one instance is required.";
        }

        if (instance["prompt"]?.GetValueKind() != JsonValueKind.String || instance["prompt"]!.GetValue<string>().Length == 0)
        {
            return "* instances[0].prompt: required.";
        }

        if (instance["image"] is { } image)
        {
            if (image["bytesBase64Encoded"]?.GetValueKind() != JsonValueKind.String || image["mimeType"]?.GetValueKind() != JsonValueKind.String)
            {
                return "* instances[0].image: bytesBase64Encoded and mimeType are required.";
            }

            try
            {
                Convert.FromBase64String(image["bytesBase64Encoded"]!.GetValue<string>());
            }
            catch (FormatException)
            {
                return "* instances[0].image.bytesBase64Encoded: not base64.";
            }
        }

        if (body["parameters"] is not JsonObject parameters)
        {
            return "* parameters: required.";
        }

        if (parameters["aspectRatio"]?.GetValueKind() != JsonValueKind.String || parameters["aspectRatio"]!.GetValue<string>() is not ("16:9" or "9:16"))
        {
            return "* parameters.aspectRatio: must be 16:9 or 9:16.";
        }

        if (parameters["durationSeconds"]?.GetValueKind() != JsonValueKind.Number || parameters["durationSeconds"]!.GetValue<double>() is not (4 or 6 or 8))
        {
            return "* parameters.durationSeconds: must be a number, 4, 6 or 8.";
        }

        if (parameters["resolution"] is { } resolution && resolution.GetValue<string>() is not ("720p" or "1080p"))
        {
            return "* parameters.resolution: must be 720p or 1080p.";
        }

        return parameters["sampleCount"] is { } count && count.GetValue<int>() != 1 ? "* parameters.sampleCount: only 1 is supported." : null;
    }

    private async Task OperationAsync(HttpContext context, string name)
    {
        if (_operationReplies.TryDequeue(out var scripted))
        {
            await JsonAsync(context, scripted.Status, scripted.Body);
            return;
        }

        if (!_operations.TryGetValue(name, out var polls))
        {
            await JsonAsync(context, 404, ErrorJson(404, "NOT_FOUND", $"Operation {name} not found."));
            return;
        }

        _operations[name] = polls + 1;
        var json = new JsonObject { ["name"] = name };
        if (polls < PollsBeforeDone)
        {
            if (polls > 0)
            {
                json["done"] = false;
            }
        }
        else
        {
            json["done"] = true;
            if (OperationError is { } error)
            {
                json["error"] = new JsonObject { ["code"] = error.Code, ["message"] = error.Message };
                if (error.Status is not null)
                {
                    json["error"]!["status"] = error.Status;
                }
            }
            else
            {
                var samples = FilteredReasons is null
                    ? new JsonArray(new JsonObject { ["video"] = new JsonObject { ["uri"] = new Uri(ApiBase, $"files/{name.Split('/')[^1]}:download?alt=media").ToString() } })
                    : null;
                var reasons = new JsonArray([.. (FilteredReasons ?? []).Select(r => (JsonNode)r)]);
                var result = new JsonObject { ["raiMediaFilteredCount"] = FilteredReasons?.Count ?? 0, ["raiMediaFilteredReasons"] = reasons };
                if (samples is not null)
                {
                    result["generatedSamples"] = samples;
                }

                json["response"] = new JsonObject
                {
                    ["@type"] = "type.googleapis.com/google.ai.generativelanguage.v1beta.PredictLongRunningResponse",
                    ["generateVideoResponse"] = result,
                };
            }
        }

        await JsonAsync(context, 200, json.ToJsonString());
    }

    private static string ErrorJson(int code, string status, string message) =>
        JsonSerializer.Serialize(new { error = new { code, message, status } });
}
