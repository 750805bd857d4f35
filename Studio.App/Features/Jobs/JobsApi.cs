using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Localization;
using Studio.App.Auth;
using Studio.App.Features.Common;
using Studio.Core.Accounts;
using Studio.Core.Common;
using Studio.Core.Jobs;
using Studio.Core.Segments;
using Studio.Core.Storage;
using Studio.Core.Voice;

namespace Studio.App.Features.Jobs;

/// <summary>
/// The jobs API: create, start, read, list, download, and control (cancel, retry, regenerate, pick a take). Another
/// user's job answers 404 like a missing one; a command the job's state forbids answers 409 saying why.
/// </summary>
internal static class JobsApi
{
    public static IEndpointRouteBuilder MapJobsApi(this IEndpointRouteBuilder app)
    {
        var jobs = app.MapGroup("/api/jobs").WithTags("Jobs");
        jobs.MapGet("/", ListJobs);
        jobs.MapPost("/", CreateJob);
        jobs.MapPost("/estimate", EstimateJob);

        // One job, its segments, takes and downloads: the caller's only (the ownership policy, else 404).
        var job = jobs.MapGroup("/{id:guid}").RequireOwner(OwnedKind.Job);
        job.MapGet(string.Empty, GetJob);
        job.MapDelete(string.Empty, DeleteJob);
        job.MapPost("/start", StartJob);
        job.MapPost("/cancel", CancelJob);
        job.MapPost("/retry", RetryJob);
        job.MapPost("/segments/{index:int}/regenerate", RegenerateSegment);
        job.MapPost("/segments/{index:int}/takes/{take:int}/select", SelectTake);
        job.MapPost("/reassemble", ReassembleJob);
        job.MapGet("/segments/{index:int}/takes/{take:int}/clip", GetTakeClip);
        job.MapGet("/video", GetVideo);
        job.MapGet("/poster", GetPoster);
        job.MapGet("/captions.srt", GetCaptions);
        job.MapGet("/clips.zip", GetClips);
        return app;
    }

    /// <summary>Largest page of <c>GET /api/jobs</c>.</summary>
    public const int MaxPageSize = 100;

    /// <summary>
    /// My jobs, newest first, a page at a time (<c>page</c> from 1, default 1; <c>pageSize</c> 1–100, default 50), optionally
    /// only those in <c>status</c>; the header <c>X-Total-Count</c> says how many there are in all.
    /// </summary>
    public static async Task<Results<Ok<IReadOnlyList<JobSummary>>, ValidationProblem>> ListJobs(
        int? page, int? pageSize, string? status, ClaimsPrincipal user, JobService service, IStringLocalizerFactory localizers, HttpContext context, CancellationToken ct)
    {
        var errors = new ValidationErrors();
        Paging.Check(page, pageSize, MaxPageSize, localizers, errors);

        JobStatus? wanted = null;
        if (!string.IsNullOrWhiteSpace(status))
        {
            if (Enum.TryParse<JobStatus>(status, ignoreCase: true, out var parsed) && Enum.IsDefined(parsed))
            {
                wanted = parsed;
            }
            else
            {
                errors.Add("status", Words(localizers)["Unknown status '{0}'; use {1}.", TextInput.Clean(status), string.Join(", ", Enum.GetNames<JobStatus>())]);
            }
        }

        if (!errors.IsEmpty)
        {
            return TypedResults.ValidationProblem(errors.ToDictionary());
        }

        var (items, total) = await service.PageAsync(user.RequireUserId(), page ?? 1, pageSize ?? 50, wanted, ct);
        context.Response.Headers["X-Total-Count"] = total.ToString(System.Globalization.CultureInfo.InvariantCulture);
        return TypedResults.Ok(items);
    }

    /// <summary>Deletes a finished or draft job with its files: 204; 409 while it is being made; 404 for another user's.</summary>
    public static async Task<Results<NoContent, NotFound, ProblemHttpResult>> DeleteJob(Guid id, ClaimsPrincipal user, JobService service, CancellationToken ct)
    {
        var result = await service.DeleteAsync(user.RequireUserId(), id, ct);
        return result.Outcome switch
        {
            JobCommandOutcome.Done => TypedResults.NoContent(),
            JobCommandOutcome.Conflict => TypedResults.Problem(statusCode: StatusCodes.Status409Conflict, title: "The job cannot be deleted", detail: result.Reason),
            _ => TypedResults.NotFound(),
        };
    }

    public static async Task<Results<Created<JobResponse>, ValidationProblem>> CreateJob(
        CreateJobRequest request, ClaimsPrincipal user, JobService service, IStringLocalizerFactory localizers, CancellationToken ct)
    {
        if (ToCommand(request, Words(localizers), out var invalid) is not { } command)
        {
            return invalid!;
        }

        var result = await service.CreateAsync(user.RequireUserId(), command, ct);
        if (result.Job is { } job)
        {
            return TypedResults.Created($"/api/jobs/{job.Id}", JobResponse.From(job));
        }

        return Invalid(request, result.Errors!);
    }

    /// <summary>The request as a command, or the problem with it in the words of <paramref name="L"/>.</summary>
    private static CreateJobCommand? ToCommand(CreateJobRequest request, IStringLocalizer L, out ValidationProblem? invalid)
    {
        GenerationMode? mode = null;
        if (!string.IsNullOrWhiteSpace(request.Mode))
        {
            if (ParseMode(request.Mode) is not { } parsed)
            {
                var errors = new ValidationErrors();
                errors.Add("mode", L["Unknown mode '{0}'; use {1}.", TextInput.Clean(request.Mode), string.Join(", ", Enum.GetNames<GenerationMode>())]);
                invalid = TypedResults.ValidationProblem(errors.ToDictionary());
                return null;
            }

            mode = parsed;
        }

        if (request.Segments is not null && (request.Prompts is not null || request.Narrations is not null))
        {
            var errors = new ValidationErrors();
            errors.Add("segments", L["Give either segments, or prompts and narrations, not both."]);
            invalid = TypedResults.ValidationProblem(errors.ToDictionary());
            return null;
        }

        var (prompts, narrations) = request.Segments is { } segments
            ? (Items(segments.Select(s => s?.Prompt)), Items(segments.Select(s => s?.Narration)))
            : (request.Prompts, request.Narrations);
        List<SegmentInput?>? inputs = null;
        if (request.Segments is { } items && items.Any(s => s?.Mode is not null || s?.AssetId is not null))
        {
            inputs = [];
            var errors = new ValidationErrors();
            for (var i = 0; i < items.Count; i++)
            {
                GenerationMode? segmentMode = null;
                if (items[i]?.Mode is { } text && !string.IsNullOrWhiteSpace(text))
                {
                    if (ParseMode(text) is { } parsedMode)
                    {
                        segmentMode = parsedMode;
                    }
                    else
                    {
                        errors.Add($"segments[{i}].mode", L["Unknown mode '{0}'; use {1}.", TextInput.Clean(text), string.Join(", ", Enum.GetNames<GenerationMode>())]);
                    }
                }

                inputs.Add(new SegmentInput(segmentMode, items[i]?.AssetId));
            }

            if (!errors.IsEmpty)
            {
                invalid = TypedResults.ValidationProblem(errors.ToDictionary());
                return null;
            }
        }

        invalid = null;
        return new CreateJobCommand(
            request.Title,
            request.Theme,
            request.Template,
            request.Provider,
            mode,
            prompts,
            request.Language,
            request.Voice is { } voice ? new VoiceChoice(voice.Engine ?? string.Empty, voice.Voice) : null,
            request.Captions,
            request.MusicAssetId,
            request.Transition,
            narrations,
            request.Fallback,
            request.AllowFallback,
            inputs);
    }

    private static GenerationMode? ParseMode(string text) =>
        Enum.TryParse<GenerationMode>(text, ignoreCase: true, out var parsed) && Enum.IsDefined(parsed) ? parsed : null;

    /// <summary>What the job the request describes would cost, by part and per segment; nothing is created or written.</summary>
    public static async Task<Results<Ok<EstimateResponse>, ValidationProblem>> EstimateJob(
        CreateJobRequest request, ClaimsPrincipal user, JobService service, IStringLocalizerFactory localizers, CancellationToken ct)
    {
        if (ToCommand(request, Words(localizers), out var invalid) is not { } command)
        {
            return invalid!;
        }

        var result = await service.EstimateAsync(user.RequireUserId(), command, ct);
        if (result.Estimate is { } estimate)
        {
            return TypedResults.Ok(EstimateResponse.From(estimate));
        }

        return Invalid(request, result.Errors!);
    }

    /// <summary>The service's errors as a 400, named after the form (segments or prompts) the caller used.</summary>
    private static ValidationProblem Invalid(CreateJobRequest request, ValidationErrors errors)
    {
        var problems = errors.ToDictionary();
        return TypedResults.ValidationProblem(request.Segments is null
            ? problems
            : problems.GroupBy(e => SegmentField(e.Key), StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.SelectMany(e => e.Value).ToArray(), StringComparer.Ordinal));
    }

    /// <summary>The items as a list; a null item is left to the script writer, and the count is kept for validation.</summary>
    private static List<string?> Items(IEnumerable<string?> items) => [.. items];

    /// <summary>Names the service's prompts/narrations errors after the <c>segments</c> form the caller used.</summary>
    private static string SegmentField(string field)
    {
        foreach (var (list, item) in new[] { ("prompts", "prompt"), ("narrations", "narration") })
        {
            if (field == list)
            {
                return "segments";
            }

            if (field.StartsWith(list + "[", StringComparison.Ordinal))
            {
                return "segments" + field[list.Length..] + "." + item;
            }
        }

        return field;
    }

    public static async Task<Results<Ok<JobResponse>, NotFound>> GetJob(Guid id, ClaimsPrincipal user, JobService service, CancellationToken ct) =>
        await service.GetAsync(user.RequireUserId(), id, ct) is { } job ? TypedResults.Ok(JobResponse.From(job)) : TypedResults.NotFound();

    public static async Task<Results<Accepted<JobResponse>, NotFound, ProblemHttpResult>> StartJob(Guid id, ClaimsPrincipal user, JobService service, CancellationToken ct)
    {
        var userId = user.RequireUserId();
        var result = await service.StartWithReasonAsync(userId, id, ct);
        var job = await service.GetAsync(userId, id, ct);
        return (result.Outcome, job) switch
        {
            (JobCommandOutcome.Done, not null) => TypedResults.Accepted($"/api/jobs/{id}", JobResponse.From(job)),
            (JobCommandOutcome.Conflict, not null) => TypedResults.Problem(
                statusCode: StatusCodes.Status409Conflict, title: "The job cannot be started", detail: result.Reason),
            (JobCommandOutcome.OverBudget, not null) => TypedResults.Problem(
                statusCode: StatusCodes.Status409Conflict, title: "Over your monthly budget", detail: result.Reason),
            _ => TypedResults.NotFound(),
        };
    }

    public static Task<Results<Accepted<JobResponse>, NotFound, ProblemHttpResult, ValidationProblem>> CancelJob(
        Guid id, ClaimsPrincipal user, JobControl control, JobService service, CancellationToken ct) =>
        RunCommandAsync(id, user, service, "The job cannot be cancelled", (owner, c) => control.CancelAsync(owner, id, c), ct);

    public static Task<Results<Accepted<JobResponse>, NotFound, ProblemHttpResult, ValidationProblem>> RetryJob(
        Guid id, ClaimsPrincipal user, JobControl control, JobService service, CancellationToken ct) =>
        RunCommandAsync(id, user, service, "The job cannot be retried", (owner, c) => control.RetryAsync(owner, id, c), ct);

    public static Task<Results<Accepted<JobResponse>, NotFound, ProblemHttpResult, ValidationProblem>> RegenerateSegment(
        Guid id, int index, RegenerateRequest? request, ClaimsPrincipal user, JobControl control, JobService service, CancellationToken ct) =>
        RunCommandAsync(id, user, service, "The segment cannot be regenerated", (owner, c) => control.RegenerateAsync(owner, id, index, request?.Prompt, c), ct);

    public static Task<Results<Accepted<JobResponse>, NotFound, ProblemHttpResult, ValidationProblem>> SelectTake(
        Guid id, int index, int take, ClaimsPrincipal user, JobControl control, JobService service, CancellationToken ct) =>
        RunCommandAsync(id, user, service, "The take cannot be selected", (owner, c) => control.SelectTakeAsync(owner, id, index, take, c), ct);

    /// <summary>Assembles the final cut again from the clips in place (after a failed assembly, or once takes were changed).</summary>
    public static Task<Results<Accepted<JobResponse>, NotFound, ProblemHttpResult, ValidationProblem>> ReassembleJob(
        Guid id, ClaimsPrincipal user, JobControl control, JobService service, CancellationToken ct) =>
        RunCommandAsync(id, user, service, "The job cannot be assembled again", (owner, c) => control.ReassembleAsync(owner, id, c), ct);

    /// <summary>One take's clip, playable in place (range requests) or downloadable; a redirect to the store when it serves downloads itself.</summary>
    public static async Task<Results<FileStreamHttpResult, RedirectHttpResult, NotFound>> GetTakeClip(
        Guid id, int index, int take, ClaimsPrincipal user, JobService service, DownloadLinks downloads, IFileStore files, CancellationToken ct)
    {
        if (await service.FindTakeAsync(user.RequireUserId(), id, index, take, ct) is not { } file)
        {
            return TypedResults.NotFound();
        }

        return downloads.For(file) is { } link
            ? TypedResults.Redirect(link.AbsoluteUri)
            : TypedResults.File(await files.OpenReadAsync(file.Key, ct), file.ContentType, file.DownloadName, enableRangeProcessing: true);
    }

    public static Task<Results<FileStreamHttpResult, RedirectHttpResult, NotFound, ProblemHttpResult>> GetVideo(
        Guid id, ClaimsPrincipal user, JobService service, DownloadLinks downloads, IFileStore files, JobStatusWords statusWords, IStringLocalizerFactory localizers, CancellationToken ct) =>
        GetOutput(id, JobOutput.Video, user, service, downloads, files, statusWords, localizers, ct);

    public static Task<Results<FileStreamHttpResult, RedirectHttpResult, NotFound, ProblemHttpResult>> GetPoster(
        Guid id, ClaimsPrincipal user, JobService service, DownloadLinks downloads, IFileStore files, JobStatusWords statusWords, IStringLocalizerFactory localizers, CancellationToken ct) =>
        GetOutput(id, JobOutput.Poster, user, service, downloads, files, statusWords, localizers, ct);

    public static Task<Results<FileStreamHttpResult, RedirectHttpResult, NotFound, ProblemHttpResult>> GetCaptions(
        Guid id, ClaimsPrincipal user, JobService service, DownloadLinks downloads, IFileStore files, JobStatusWords statusWords, IStringLocalizerFactory localizers, CancellationToken ct) =>
        GetOutput(id, JobOutput.Captions, user, service, downloads, files, statusWords, localizers, ct);

    public static Task<Results<FileStreamHttpResult, RedirectHttpResult, NotFound, ProblemHttpResult>> GetClips(
        Guid id, ClaimsPrincipal user, JobService service, DownloadLinks downloads, IFileStore files, JobStatusWords statusWords, IStringLocalizerFactory localizers, CancellationToken ct) =>
        GetOutput(id, JobOutput.Clips, user, service, downloads, files, statusWords, localizers, ct);

    private static async Task<Results<Accepted<JobResponse>, NotFound, ProblemHttpResult, ValidationProblem>> RunCommandAsync(
        Guid id, ClaimsPrincipal user, JobService service, string refusal, Func<string, CancellationToken, Task<JobCommandResult>> command, CancellationToken ct)
    {
        var owner = user.RequireUserId();
        var result = await command(owner, ct);
        if (result.Outcome == JobCommandOutcome.Invalid)
        {
            var errors = new ValidationErrors();
            errors.Add("prompt", result.Reason!);
            return TypedResults.ValidationProblem(errors.ToDictionary());
        }

        var job = await service.GetAsync(owner, id, ct);
        return (result.Outcome, job) switch
        {
            (JobCommandOutcome.Done, not null) => TypedResults.Accepted($"/api/jobs/{id}", JobResponse.From(job)),
            (JobCommandOutcome.Conflict, not null) => TypedResults.Problem(statusCode: StatusCodes.Status409Conflict, title: refusal, detail: result.Reason),

            // The same answer as a start refused by the budget.
            (JobCommandOutcome.OverBudget, not null) => TypedResults.Problem(
                statusCode: StatusCodes.Status409Conflict, title: "Over your monthly budget", detail: result.Reason),
            _ => TypedResults.NotFound(),
        };
    }

    private static async Task<Results<FileStreamHttpResult, RedirectHttpResult, NotFound, ProblemHttpResult>> GetOutput(
        Guid id, JobOutput output, ClaimsPrincipal user, JobService service, DownloadLinks downloads, IFileStore files,
        JobStatusWords statusWords, IStringLocalizerFactory localizers, CancellationToken ct)
    {
        var userId = user.RequireUserId();
        if (await service.FindOutputAsync(userId, id, output, ct) is { } file)
        {
            // With S3 the bytes flow from the store to the browser through a presigned link, not through this node.
            return downloads.For(file) is { } link
                ? TypedResults.Redirect(link.AbsoluteUri)
                : TypedResults.File(await files.OpenReadAsync(file.Key, ct), file.ContentType, file.DownloadName, enableRangeProcessing: true);
        }

        var job = await service.GetAsync(userId, id, ct);
        // Another user's job, or a finished job that did not make this output (no captions asked for): 404.
        return job is null || job.Status == JobStatus.Completed
            ? TypedResults.NotFound()
            : TypedResults.Problem(
                statusCode: StatusCodes.Status409Conflict,
                title: "The video is not ready",
                detail: Words(localizers)["The job is {0}; its files can be downloaded once it has been assembled.", statusWords.Of(job.Status)]);
    }

    // The API's own messages, in the caller's language (French in Resources/Features/Jobs/JobsApi.fr.resx).
    private static IStringLocalizer Words(IStringLocalizerFactory localizers) => localizers.Create(typeof(JobsApi));
}
