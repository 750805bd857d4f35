using System.Collections.Concurrent;
using System.Globalization;
using System.Text.Json;
using Microsoft.AspNetCore.Http;

namespace Studio.Tests.Fakes.Stability;

/// <summary>
/// Speaks Stability AI's v2beta image-to-video protocol (providers.md §3): Bearer keys (401 otherwise), errors as
/// <c>{"id","name","errors":[…]}</c>; <c>POST /v2beta/image-to-video</c> as multipart/form-data whose <c>image</c> must be
/// a PNG or JPEG of exactly 1024x576, 576x1024 or 768x768 and whose <c>seed</c>, <c>cfg_scale</c> and
/// <c>motion_bucket_id</c> are range-checked (400 otherwise) → 200 <c>{"id"}</c> (64 hex); <c>GET
/// /v2beta/image-to-video/result/{id}</c>: 202 <c>{"id","status":"in-progress"}</c> for <see cref="PollsBeforeDone"/>
/// polls, then 200 MP4 bytes with <c>finish-reason</c> and <c>seed</c> headers (when asked with <c>Accept: video/*</c>),
/// 404 for unknown or expired ids. <see cref="Withdrawn"/> makes the submission route answer 404, as standard keys saw in 2025.
/// </summary>
public sealed class FakeStabilityServer : FakeHttpServer
{
    public const string Key = "sk-stability-test-0123456789";

    private const string Submit = "/v2beta/image-to-video";
    private const string Result = "/v2beta/image-to-video/result/";
    private static readonly HashSet<(int, int)> Sizes = [(1024, 576), (576, 1024), (768, 768)];

    private readonly ConcurrentQueue<FakeReply> _submitReplies = new();
    private readonly ConcurrentDictionary<string, Generation> _generations = new();
    private byte[] _mp4 = [];

    /// <summary>Result polls answered 202 before the clip is ready. Default 2.</summary>
    public int PollsBeforeDone { get; set; } = 2;

    /// <summary>The submission route answers 404 (withdrawn for this key).</summary>
    public bool Withdrawn { get; set; }

    /// <summary>Finished results are gone (their 24 hours are over): 404.</summary>
    public bool ResultsExpired { get; set; }

    /// <summary>The next generations end with <c>finish-reason: CONTENT_FILTERED</c>.</summary>
    public bool FilterContent { get; set; }

    /// <summary>The form fields and the image (format, width, height) of each accepted submission.</summary>
    public ConcurrentQueue<(IReadOnlyDictionary<string, string> Fields, (string Format, int Width, int Height) Image)> Accepted { get; } = new();

    public static async Task<FakeStabilityServer> StartAsync(byte[] mp4)
    {
        var server = new FakeStabilityServer { _mp4 = mp4 };
        await server.StartAsync();
        return server;
    }

    /// <summary>Answers the next submission with this error body instead.</summary>
    public void ReplySubmitError(int status, string name, string[] errors, string? retryAfter = null) =>
        _submitReplies.Enqueue(new FakeReply(status, Error(name, errors), Headers: retryAfter is null ? null : new Dictionary<string, string> { ["Retry-After"] = retryAfter }));

    /// <summary>Stability's error body.</summary>
    public static string Error(string name, params string[] errors) =>
        JsonSerializer.Serialize(new { id = Guid.NewGuid().ToString("N"), name, errors });

    protected override async Task HandleAsync(HttpContext context, RecordedRequest request)
    {
        if (!request.Headers.TryGetValue("Authorization", out var auth) || auth != $"Bearer {Key}")
        {
            await JsonAsync(context, 401, Error("unauthorized", "authorization: invalid or missing header value"));
            return;
        }

        if (request.Method == "POST" && request.Path == Submit)
        {
            await SubmitAsync(context);
            return;
        }

        if (request.Method == "GET" && request.Path.StartsWith(Result, StringComparison.Ordinal))
        {
            await ResultAsync(context, request, request.Path[Result.Length..]);
            return;
        }

        await JsonAsync(context, 404, Error("not_found", $"{request.Method} {request.Path}: not found"));
    }

    private async Task SubmitAsync(HttpContext context)
    {
        if (Withdrawn)
        {
            await JsonAsync(context, 404, Error("not_found", "The requested resource was not found."));
            return;
        }

        if (_submitReplies.TryDequeue(out var scripted))
        {
            await JsonAsync(context, scripted.Status, scripted.Body, scripted.Headers?.ToDictionary());
            return;
        }

        if (!context.Request.HasFormContentType || !context.Request.ContentType!.StartsWith("multipart/form-data", StringComparison.Ordinal))
        {
            await JsonAsync(context, 400, Error("bad_request", "content-type: must be multipart/form-data"));
            return;
        }

        context.Request.Body.Position = 0;
        var form = await context.Request.ReadFormAsync();
        var file = form.Files.GetFile("image");
        if (file is null)
        {
            await JsonAsync(context, 400, Error("bad_request", "image: required"));
            return;
        }

        using var buffer = new MemoryStream();
        await file.CopyToAsync(buffer);
        var image = ImageHeaders.Read(buffer.ToArray());
        if (image is not { } header || !Sizes.Contains((header.Width, header.Height)))
        {
            await JsonAsync(context, 400, Error("bad_request", "image: must be a jpeg or png of 1024x576, 576x1024 or 768x768"));
            return;
        }

        var errors = new List<string>();
        CheckNumber(form, "seed", 0, 4294967294, errors);
        CheckNumber(form, "cfg_scale", 0, 10, errors);
        CheckNumber(form, "motion_bucket_id", 1, 255, errors);
        if (errors.Count > 0)
        {
            await JsonAsync(context, 400, Error("bad_request", [.. errors]));
            return;
        }

        var id = Convert.ToHexString(Guid.NewGuid().ToByteArray()).ToLowerInvariant() + Convert.ToHexString(Guid.NewGuid().ToByteArray()).ToLowerInvariant();
        _generations[id] = new Generation(FilterContent);
        Accepted.Enqueue((form.Where(f => f.Key != "image").ToDictionary(f => f.Key, f => f.Value.ToString()), header));
        await JsonAsync(context, 200, JsonSerializer.Serialize(new { id }));
    }

    private async Task ResultAsync(HttpContext context, RecordedRequest request, string id)
    {
        if (!_generations.TryGetValue(id, out var generation))
        {
            await JsonAsync(context, 404, Error("not_found", $"generation {id}: not found"));
            return;
        }

        if (Interlocked.Increment(ref generation.Polls) <= PollsBeforeDone)
        {
            await JsonAsync(context, 202, JsonSerializer.Serialize(new { id, status = "in-progress" }));
            return;
        }

        if (ResultsExpired)
        {
            await JsonAsync(context, 404, Error("not_found", $"generation {id}: not found"));
            return;
        }

        context.Response.Headers["finish-reason"] = generation.Filtered ? "CONTENT_FILTERED" : "SUCCESS";
        context.Response.Headers["seed"] = "123456";
        if (request.Headers.TryGetValue("Accept", out var accept) && accept.Contains("application/json", StringComparison.Ordinal))
        {
            await JsonAsync(context, 200, JsonSerializer.Serialize(new { video = Convert.ToBase64String(_mp4), finish_reason = "SUCCESS", seed = 123456 }));
            return;
        }

        context.Response.StatusCode = 200;
        context.Response.ContentType = "video/mp4";
        await context.Response.Body.WriteAsync(_mp4);
    }

    private static void CheckNumber(IFormCollection form, string name, double min, double max, List<string> errors)
    {
        if (!form.TryGetValue(name, out var value))
        {
            return;
        }

        if (!double.TryParse(value.ToString(), NumberStyles.Float, CultureInfo.InvariantCulture, out var number) || number < min || number > max)
        {
            errors.Add(string.Create(CultureInfo.InvariantCulture, $"{name}: must be a number from {min} to {max}"));
        }
    }

    private sealed class Generation(bool filtered)
    {
        public int Polls;

        public bool Filtered { get; } = filtered;
    }
}
