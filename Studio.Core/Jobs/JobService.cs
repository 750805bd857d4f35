using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;
using Studio.Core.Assets;
using Studio.Core.Audit;
using Studio.Core.Budget;
using Studio.Core.Common;
using Studio.Core.Costs;
using Studio.Core.Events;
using Studio.Core.Orchestration;
using Studio.Core.Persistence;
using Studio.Core.Providers;
using Studio.Core.Scripts;
using Studio.Core.Segments;
using Studio.Core.Storage;
using Studio.Core.Templates;
using Studio.Core.Voice;

namespace Studio.Core.Jobs;

/// <summary>
/// What users do with their jobs: create, start, read, list, fetch the video. Every method takes the caller's
/// user id and treats another user's job exactly as a job that does not exist.
/// </summary>
public sealed class JobService(
    IDbContextFactory<StudioDbContext> dbFactory,
    VideoProviderCatalog providers,
    IJobEvents events,
    JobQueueSignal queueSignal,
    IFileStore files,
    IOptions<WorkerOptions> workerOptions,
    IScriptWriter scriptWriter,
    CutSettingsReader cutReader,
    CostModel costs,
    VoiceCatalog voices,
    AssetLinks links,
    DatabaseWriteGate writes,
    IDatabaseConcurrency concurrency,
    BudgetGuard budget,
    JobStatusWords statusWords,
    TimeProvider time,
    IStringLocalizer<JobService> L,
    IStringLocalizer<StoredText> words)
{
    /// <summary>Creates a Draft job from a command, or says what is wrong with it.</summary>
    public async Task<CreateJobResult> CreateAsync(string ownerId, CreateJobCommand command, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct).ConfigureAwait(false);
        var (brief, errors) = await PrepareAsync(db, ownerId, command, requireAssets: true, ct).ConfigureAwait(false);
        if (brief is null)
        {
            return new CreateJobResult(null, errors);
        }

        var (template, provider, mode, fallback, cut, prompts, narrations) = brief;
        var scriptUsd = 0m;
        using var scriptAdmission = prompts.Contains(null) || narrations.Contains(null)
            ? await budget.AdmitClipAsync(ownerId, costs.ScriptPrice(scriptWriter.IsHosted), ct).ConfigureAwait(false)
            : ClipAdmission.Free;
        if (scriptAdmission.Refusal is { } overBudget)
        {
            // A hosted model bills the storyboard: held to the budget like any paid call, before it is made.
            errors.Add("script", L["Over your monthly budget: a storyboard written by the hosted model costs ${0:0.00##} and ${1:0.00##} of your ${2:0.00##} is already spent this month. Write the prompts and narration yourself, or ask an admin to raise your budget.", overBudget.EstimateUsd, overBudget.SpentUsd, overBudget.BudgetUsd]);
            return new CreateJobResult(null, errors);
        }

        if (prompts.Contains(null) || narrations.Contains(null))
        {
            try
            {
                var storyboard = await scriptWriter.WriteAsync(new ScriptRequest(brief.Theme, template, cut.Language), ct).ConfigureAwait(false);
                var limit = Math.Min(Segment.MaxPromptLength, provider.Capabilities.MaxPromptLength);
                for (var i = 0; i < template.SegmentCount; i++)
                {
                    prompts[i] ??= Shorten(storyboard.Scenes[i].Prompt, limit);
                    narrations[i] ??= Shorten(storyboard.Scenes[i].Narration, Segment.MaxNarrationLength);
                }

                scriptUsd = costs.ScriptPrice(scriptWriter.IsHosted);
            }
            catch (ScriptWriterException ex)
            {
                // The writer's sentence in the reader's language; a model server's own words inside it stay as written.
                errors.Add("script", L["The storyboard could not be written: {0} Write the prompts and narration yourself, or try again.", ex.Stored.Word(words)]);
                return new CreateJobResult(null, errors);
            }
        }

        var job = Build(ownerId, brief.Title, brief.Theme, template, provider, mode, brief.Inputs, [.. prompts.Select(p => p!)], [.. narrations.Select(n => n!)])
            .WithCut(cut);
        if (fallback.Count > 0)
        {
            job.SetFallback(fallback);
        }

        job.SetEstimatedExtras(scriptUsd, VoicePrice(cut, narrations));
        db.Jobs.Add(job);
        db.Audit.Add(AuditEntry.Now(time, ownerId, "job.create", $"job/{job.Id}", job.Title, job.EstimatedCostUsd));
        if (scriptUsd > 0)
        {
            job.ChargeScript(scriptUsd);
            db.Costs.Add(CostEntry.Now(time, ownerId, job.Id, null, scriptWriter.Name, CostKind.Script, scriptUsd));
        }

        if (!await SaveWithAssetsAsync(db, ownerId, job, scriptAdmission, ct).ConfigureAwait(false))
        {
            errors.Add("segments", L["An upload this video uses was deleted a moment ago; choose another one and try again."]);
            return new CreateJobResult(null, errors);
        }

        await PublishAsync(job, ct).ConfigureAwait(false);
        return new CreateJobResult(JobDetails.From(job, words), null);
    }

    // The uploads a new job names are checked again in the same write transaction (SQLite: BEGIN IMMEDIATE) that
    // inserts it: an asset deleted after the first check (the delete holds the same gate) is caught here, not later
    // by a segment failing.
    /// <summary>
    /// Saves the new job, checking in the same transaction that the uploads it uses are still there (false when one is
    /// gone: nothing saved); the storyboard's reservation, if any, ends in that write, which books its charge.
    /// </summary>
    private async Task<bool> SaveWithAssetsAsync(StudioDbContext db, string ownerId, ProductionJob job, ClipAdmission scriptAdmission, CancellationToken ct)
    {
        var assetIds = job.Segments.Where(s => s.AssetId is not null).Select(s => s.AssetId!.Value)
            .Concat(job.MusicAssetId is { } music ? [music] : [])
            .Distinct()
            .ToList();
        using (await writes.EnterAsync(ct).ConfigureAwait(false))
        {
            await using var transaction = await db.Database.BeginTransactionAsync(ct).ConfigureAwait(false);
            if (assetIds.Count > 0)
            {
                // In the owner's uploads turn, which a delete of one of them takes too (AssetLibrary.AssetScope).
                await concurrency.SerializeAsync(db, AssetLibrary.AssetScope(ownerId), ct).ConfigureAwait(false);
                if (await db.Assets.CountAsync(a => assetIds.Contains(a.Id) && a.OwnerId == ownerId, ct).ConfigureAwait(false) != assetIds.Count)
                {
                    return false;
                }
            }

            await db.SaveChangesAsync(ct).ConfigureAwait(false);
            await scriptAdmission.ReleaseWithinAsync(db, ct).ConfigureAwait(false);
            await transaction.CommitAsync(ct).ConfigureAwait(false);
            return true;
        }
    }

    /// <summary>
    /// What the job the command describes would cost, by part and per segment, without creating it or writing its
    /// storyboard; or what is wrong with the command.
    /// </summary>
    public async Task<JobEstimateResult> EstimateAsync(string ownerId, CreateJobCommand command, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct).ConfigureAwait(false);
        var (brief, errors) = await PrepareAsync(db, ownerId, command, requireAssets: false, ct).ConfigureAwait(false);
        if (brief is null)
        {
            return new JobEstimateResult(null, errors);
        }

        var (template, provider, _, _, cut, prompts, narrations) = brief;
        var segments = Enumerable.Range(0, template.SegmentCount).Select(i =>
        {
            var request = RequestFor(template, brief.Inputs[i].Mode, prompts[i] ?? template.Name);
            var quote = provider.Quote(request);
            return new SegmentEstimate(i, template.SegmentSeconds, quote.Model, quote.Resolution, quote.Length.TotalSeconds, CostModel.ClipPrice(provider, request) ?? 0m);
        }).ToList();
        var writes = prompts.Contains(null) || narrations.Contains(null);

        // Unwritten narration is priced as spoken: the writer gives every segment a line.
        var voice = cut.Voice is null ? 0m : VoicePrice(cut, [.. narrations.Select(n => n ?? "…")]);
        var breakdown = new CostBreakdown(segments.Sum(s => s.PriceUsd), writes ? costs.ScriptPrice(scriptWriter.IsHosted) : 0m, voice);
        return new JobEstimateResult(new JobEstimate(provider.Name, provider.DisplayName, breakdown, segments), null);
    }
    /// <summary>Draft → Queued: hands the job to the workers (refused over the owner's monthly budget).</summary>
    public async Task<JobCommandOutcome> StartAsync(string ownerId, Guid jobId, CancellationToken ct) =>
        (await StartWithReasonAsync(ownerId, jobId, ct).ConfigureAwait(false)).Outcome;

    /// <summary>
    /// Draft → Queued: hands the job to the workers; refused, with the numbers, when its estimate would take the owner's
    /// spending this month past their budget.
    /// </summary>
    public async Task<JobCommandResult> StartWithReasonAsync(string ownerId, Guid jobId, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct).ConfigureAwait(false);
        ProductionJob? job;

        // The budget check and the reservation (the job's move to Queued) are one write: this process's writers take
        // turns, and the transaction holds SQLite's write lock from the first read, so two starts cannot both pass a
        // budget that holds one.
        using (await writes.EnterAsync(ct).ConfigureAwait(false))
        {
            await using var transaction = await db.Database.BeginTransactionAsync(ct).ConfigureAwait(false);
            job = await db.Jobs.FirstOrDefaultAsync(j => j.Id == jobId && j.OwnerId == ownerId, ct).ConfigureAwait(false);
            if (job is null)
            {
                return JobCommandResult.NotFound;
            }

            if (job.Status != JobStatus.Draft)
            {
                return JobCommandResult.Conflict(L["Only a Draft job can be started; this one is {0}.", statusWords.Of(job.Status)]);
            }

            if (await budget.CheckStartAsync(db, job, ct).ConfigureAwait(false) is { } refusal)
            {
                return JobCommandResult.OverBudget(refusal.Message);
            }

            job.Queue();
            db.Audit.Add(AuditEntry.Now(time, ownerId, "job.start", $"job/{job.Id}", job.Title, job.EstimatedCostUsd));
            try
            {
                await db.SaveChangesAsync(ct).ConfigureAwait(false);
                await transaction.CommitAsync(ct).ConfigureAwait(false);
            }
            catch (DbUpdateConcurrencyException)
            {
                return JobCommandResult.Conflict(L["The job was changed at the same moment; try again."]);
            }
        }

        await PublishAsync(job, ct).ConfigureAwait(false);
        queueSignal.Notify();
        return JobCommandResult.Done;
    }

    /// <summary>The job with its segments, or null when the user has no such job.</summary>
    public async Task<JobDetails?> GetAsync(string ownerId, Guid jobId, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct).ConfigureAwait(false);
        var job = await db.Jobs.AsNoTracking().Include(j => j.Segments).ThenInclude(s => s.Takes).AsSplitQuery()
            .FirstOrDefaultAsync(j => j.Id == jobId && j.OwnerId == ownerId, ct).ConfigureAwait(false);
        return job is null ? null : JobDetails.From(job, words) with { Downloads = await DownloadsOfAsync(job, ct).ConfigureAwait(false) };
    }

    /// <summary>The user's jobs, newest first.</summary>
    public async Task<IReadOnlyList<JobSummary>> ListAsync(string ownerId, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct).ConfigureAwait(false);
        var rows = await db.Jobs.AsNoTracking().Where(j => j.OwnerId == ownerId)
            .Select(Summary)
            .ToListAsync(ct).ConfigureAwait(false);
        return [.. rows.OrderByDescending(j => j.CreatedAt)];
    }

    /// <summary>A job as its list row, computed by the database.</summary>
    private static readonly System.Linq.Expressions.Expression<Func<ProductionJob, JobSummary>> Summary = j => new JobSummary(
        j.Id, j.Title, j.TemplateName, j.Provider, j.Status,
        j.Status == JobStatus.Completed ? 1
            : j.Status == JobStatus.Assembling ? j.Progress
            : j.Segments.Count == 0 ? 0
            : JobProgress.GenerationShare * j.Segments.Sum(s => s.Status == SegmentStatus.Succeeded ? 1 : s.Progress) / j.Segments.Count,
        j.EstimatedCostUsd,
        j.Segments.Sum(s => s.CostUsd) + j.ScriptCostUsd + j.VoiceCostUsd,
        j.Segments.Count, j.CreatedAt, j.FinishedAt);

    /// <summary>One page of the user's jobs, newest first, optionally only those in <paramref name="status"/>, and how many there are in all.</summary>
    public async Task<(IReadOnlyList<JobSummary> Items, int Total)> PageAsync(string ownerId, int page, int pageSize, JobStatus? status, CancellationToken ct)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(page, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(pageSize, 1);
        await using var db = await dbFactory.CreateDbContextAsync(ct).ConfigureAwait(false);
        var mine = db.Jobs.AsNoTracking().Where(j => j.OwnerId == ownerId);
        if (status is { } wanted)
        {
            mine = mine.Where(j => j.Status == wanted);
        }

        var total = await mine.CountAsync(ct).ConfigureAwait(false);
        var items = await mine.OrderByDescending(j => j.CreatedAt).ThenByDescending(j => j.Id)
            .Skip((page - 1) * pageSize).Take(pageSize)
            .Select(Summary)
            .ToListAsync(ct).ConfigureAwait(false);
        return (items, total);
    }

    /// <summary>
    /// Deletes a finished (or draft) job of the user, with its segments, takes and files. The spending ledger keeps its
    /// lines: money spent stays spent. A job still being made must be cancelled first.
    /// </summary>
    public async Task<JobCommandResult> DeleteAsync(string ownerId, Guid jobId, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct).ConfigureAwait(false);
        var job = await db.Jobs.Include(j => j.Segments).ThenInclude(s => s.Takes).AsSplitQuery()
            .FirstOrDefaultAsync(j => j.Id == jobId && j.OwnerId == ownerId, ct).ConfigureAwait(false);
        if (job is null)
        {
            return new JobCommandResult(JobCommandOutcome.NotFound);
        }

        if (!job.IsFinished && job.Status != JobStatus.Draft)
        {
            return new JobCommandResult(JobCommandOutcome.Conflict, L["The job is {0}; cancel it before deleting it.", statusWords.Of(job.Status)]);
        }

        db.Audit.Add(AuditEntry.Now(time, ownerId, "job.delete", $"job/{job.Id}", job.Title, job.SpentUsd));
        db.Takes.RemoveRange(job.Segments.SelectMany(s => s.Takes));
        db.Segments.RemoveRange(job.Segments);
        db.Jobs.Remove(job);
        try
        {
            await db.SaveChangesAsync(ct).ConfigureAwait(false);
        }
        catch (DbUpdateConcurrencyException)
        {
            return new JobCommandResult(JobCommandOutcome.Conflict, L["The job changed while it was being deleted; try again."]);
        }

        await files.DeleteFolderAsync(FileKeys.JobFolder(jobId), CancellationToken.None).ConfigureAwait(false);
        await events.PublishAsync(new JobChanged(job.Id, job.OwnerId, job.Status, null, time.GetUtcNow()), CancellationToken.None).ConfigureAwait(false);
        return new JobCommandResult(JobCommandOutcome.Done);
    }

    /// <summary>
    /// Opens an output of a job (video, poster, captions, clips); null when the user has no such job or it has not been
    /// made. A job being made again (a regenerated segment) keeps serving its previous cut until the new one replaces it.
    /// </summary>
    public async Task<JobFile?> OpenOutputAsync(string ownerId, Guid jobId, JobOutput output, CancellationToken ct) =>
        await OpenAsync(await FindOutputAsync(ownerId, jobId, output, ct).ConfigureAwait(false), ct).ConfigureAwait(false);

    /// <summary>Where an output of a job is stored, what it is and its download name; null as for <see cref="OpenOutputAsync"/>.</summary>
    public async Task<StoredFile?> FindOutputAsync(string ownerId, Guid jobId, JobOutput output, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct).ConfigureAwait(false);
        var job = await db.Jobs.AsNoTracking().FirstOrDefaultAsync(j => j.Id == jobId && j.OwnerId == ownerId, ct).ConfigureAwait(false);
        var key = job is null ? null : KeyOf(job, output);
        if (job is null || key is null || !await files.ExistsAsync(key, ct).ConfigureAwait(false))
        {
            return null;
        }

        var (contentType, extension) = output switch
        {
            JobOutput.Video => ("video/mp4", "mp4"),
            JobOutput.Poster => ("image/jpeg", "jpg"),
            JobOutput.Captions => ("application/x-subrip", "srt"),
            _ => ("application/zip", "clips.zip"),
        };
        return new StoredFile(key, contentType, $"{FileNames.Slug(job.Title)}.{extension}");
    }

    /// <summary>The clip of take <paramref name="take"/> (from 1) of segment <paramref name="index"/> (from 0), or null when the job is not the owner's or the take has no clip.</summary>
    public async Task<JobFile?> OpenTakeAsync(string ownerId, Guid jobId, int index, int take, CancellationToken ct) =>
        await OpenAsync(await FindTakeAsync(ownerId, jobId, index, take, ct).ConfigureAwait(false), ct).ConfigureAwait(false);

    /// <summary>Where a take's clip is stored and its download name; null as for <see cref="OpenTakeAsync"/>.</summary>
    public async Task<StoredFile?> FindTakeAsync(string ownerId, Guid jobId, int index, int take, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct).ConfigureAwait(false);
        var found = await (
                from t in db.Takes.AsNoTracking()
                join s in db.Segments.AsNoTracking() on t.SegmentId equals s.Id
                join j in db.Jobs.AsNoTracking() on t.JobId equals j.Id
                where j.Id == jobId && j.OwnerId == ownerId && s.Index == index && t.Number == take
                select new { t.ClipFile, j.Title })
            .FirstOrDefaultAsync(ct).ConfigureAwait(false);
        if (found is null || found.ClipFile.Length == 0 || !await files.ExistsAsync(found.ClipFile, ct).ConfigureAwait(false))
        {
            return null;
        }

        return new StoredFile(found.ClipFile, "video/mp4", $"{FileNames.Slug(found.Title)}-{index + 1}-take{take}.mp4");
    }

    private async Task<JobFile?> OpenAsync(StoredFile? file, CancellationToken ct) =>
        file is null ? null : new JobFile(await files.OpenReadAsync(file.Key, ct).ConfigureAwait(false), file.ContentType, file.DownloadName);

    /// <summary>Where an output of a job is kept: video and poster as the job recorded them, captions and clips by their fixed keys.</summary>
    private static string? KeyOf(ProductionJob job, JobOutput output) => output switch
    {
        JobOutput.Video => job.FinalVideoFile,
        JobOutput.Poster => job.PosterFile,
        JobOutput.Captions => job.Captions ? FileKeys.Captions(job.Id) : null,
        JobOutput.Clips => FileKeys.ClipsZip(job.Id),
        _ => null,
    };

    private async Task<AvailableDownloads> DownloadsOfAsync(ProductionJob job, CancellationToken ct)
    {
        if (job.FinalVideoFile is null)
        {
            return AvailableDownloads.None;
        }

        // Video and poster are recorded on the job once assembled (a job being made again keeps its previous cut); captions and clips are known by their keys in the store.
        async Task<bool> Has(JobOutput output) => KeyOf(job, output) is { } key && await files.ExistsAsync(key, ct).ConfigureAwait(false);
        return new AvailableDownloads(job.FinalVideoFile is not null, job.PosterFile is not null, await Has(JobOutput.Captions).ConfigureAwait(false), await Has(JobOutput.Clips).ConfigureAwait(false));
    }

    /// <summary>Checks a command and gathers what making its job needs; null with the reasons when it cannot be made.</summary>
    private async Task<(JobBrief? Brief, ValidationErrors Errors)> PrepareAsync(StudioDbContext db, string ownerId, CreateJobCommand command, bool requireAssets, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(command);
        var errors = new ValidationErrors();
        var theme = TextInput.Clean(command.Theme);
        var title = TextInput.Clean(command.Title);
        if (theme.Length == 0)
        {
            errors.Add("theme", L["Say what the video is about."]);
        }
        else if (theme.Length > ProductionJob.MaxThemeLength)
        {
            errors.Add("theme", L["The theme is {0} characters long; keep it under {1}.", theme.Length, ProductionJob.MaxThemeLength]);
        }

        if (title.Length > ProductionJob.MaxTitleLength)
        {
            errors.Add("title", L["The title is {0} characters long; keep it under {1}.", title.Length, ProductionJob.MaxTitleLength]);
        }

        VideoTemplate? template = null;
        if (string.IsNullOrWhiteSpace(command.Template))
        {
            errors.Add("template", L["Choose a template."]);
        }
        else
        {
            template = await TemplateCatalog.FindAsync(db, command.Template, ct).ConfigureAwait(false);
            if (template is null)
            {
                errors.Add("template", L["There is no template named '{0}'.", TextInput.Clean(command.Template)]);
            }
        }

        if (template is null || !errors.IsEmpty)
        {
            return (null, errors);
        }

        var providerName = string.IsNullOrWhiteSpace(command.Provider) ? template.DefaultProvider : command.Provider.Trim();
        var provider = providers.Find(providerName);
        var mode = command.Mode ?? template.DefaultMode;
        if (provider is null)
        {
            errors.Add("provider", L["There is no provider named '{0}'. Available: {1}.", TextInput.Clean(providerName), string.Join(", ", providers.All.Select(p => p.Name))]);
            return (null, errors);
        }

        if (!provider.IsConfigured)
        {
            errors.Add("provider", NotConfigured(provider));
            return (null, errors);
        }

        var inputs = await CheckInputsAsync(db, ownerId, command.Inputs, template, mode, provider, requireAssets, errors, ct).ConfigureAwait(false);
        var modes = inputs.Select(i => i.Mode).Distinct().Order().ToList();
        CheckCapabilities(provider, template, modes, errors);
        var fallback = CheckFallback(command, provider, template, modes, errors);
        var cut = await cutReader.ReadAsync(db, ownerId, command, template, errors, ct).ConfigureAwait(false);
        var prompts = CheckPrompts(command.Prompts, template, provider, errors);
        var narrations = CheckNarrations(command.Narrations, template, errors);
        if (!errors.IsEmpty || cut is null)
        {
            return (null, errors);
        }

        return (new JobBrief(template, provider, mode, fallback, cut, prompts, narrations, title.Length > 0 ? title : Shorten(theme, ProductionJob.MaxTitleLength), theme) { Inputs = inputs }, errors);
    }

    private string NotConfigured(IVideoProvider provider) =>
        L["{0} ('{1}') is not configured on this server: it needs an API key ({2}:ApiKey).", provider.DisplayName, provider.Name, ProviderSettings.SectionOf(provider)];

    private static GenerationRequest RequestFor(VideoTemplate template, GenerationMode mode, string prompt) =>
        new(Guid.Empty, prompt, template.StylePrompt, mode, template.AspectRatio, TimeSpan.FromSeconds(template.SegmentSeconds), null);

    /// <summary>The voice-over's price: a hosted voice with at least one line to say.</summary>
    private decimal VoicePrice(CutSettings cut, IReadOnlyList<string?> narrations) =>
        cut.Voice is { } voice && voices.Find(voice.Engine) is { IsHosted: true } && narrations.Any(n => !string.IsNullOrEmpty(n))
            ? costs.VoicePrice(hosted: true)
            : 0m;

    private void CheckCapabilities(IVideoProvider provider, VideoTemplate template, IReadOnlyList<GenerationMode> modes, ValidationErrors errors)
    {
        var caps = provider.Capabilities;
        foreach (var mode in modes.Where(m => !caps.Modes.Contains(m)))
        {
            errors.Add("mode", L["{0} cannot do {1}; it offers {2}.", provider.DisplayName, mode, string.Join(", ", caps.Modes.Order())]);
        }

        if (caps.InputsByLink && modes.Any(m => m != GenerationMode.TextToVideo) && !links.CanLink)
        {
            errors.Add("mode", L["{0} fetches input images and clips by URL: set Studio:PublicBaseUrl to an address it can reach, or use text-to-video.", provider.DisplayName]);
        }

        if (!caps.AspectRatios.Contains(template.AspectRatio))
        {
            errors.Add("template", L["{0} cannot render {1} videos; it offers {2}.", provider.DisplayName, template.AspectRatio.ToDisplay(), string.Join(", ", caps.AspectRatios.Order().Select(r => r.ToDisplay()))]);
        }

        if (TimeSpan.FromSeconds(template.SegmentSeconds) > caps.MaxDuration)
        {
            errors.Add("template", L["{0} makes clips of at most {1:0} s; the template asks for {2} s.", provider.DisplayName, caps.MaxDuration.TotalSeconds, template.SegmentSeconds]);
        }
        else if (modes.Select(m => CostModel.MissingPrice(provider, RequestFor(template, m, template.Name))).FirstOrDefault(m => m is not null) is { } missing)
        {
            errors.Add("provider", missing);
        }
    }

    /// <summary>
    /// Each segment's mode and input asset: the job's mode unless the segment names its own (hybrid), and for image- and
    /// video-to-video one of the owner's images or clips (required when <paramref name="requireAssets"/>; an estimate
    /// comes before the uploads).
    /// </summary>
    private async Task<List<SegmentPlan>> CheckInputsAsync(
        StudioDbContext db, string ownerId, IReadOnlyList<SegmentInput?>? given, VideoTemplate template, GenerationMode mode, IVideoProvider provider, bool requireAssets, ValidationErrors errors, CancellationToken ct)
    {
        if (given is not null && given.Count != template.SegmentCount)
        {
            errors.Add("segments", L["'{0}' has {1} segments; {2} were given.", template.Name, template.SegmentCount, given.Count]);
            given = null;
        }

        var inputs = Enumerable.Range(0, template.SegmentCount)
            .Select(i => new SegmentPlan(given?[i]?.Mode ?? mode, given?[i]?.AssetId))
            .ToList();
        var ids = inputs.Where(i => i.AssetId is not null).Select(i => i.AssetId!.Value).Distinct().ToList();
        var assets = ids.Count == 0
            ? []
            : await db.Assets.AsNoTracking().Where(a => ids.Contains(a.Id) && a.OwnerId == ownerId).ToDictionaryAsync(a => a.Id, ct).ConfigureAwait(false);
        for (var i = 0; i < inputs.Count; i++)
        {
            var (segmentMode, assetId) = (inputs[i].Mode, inputs[i].AssetId);
            var field = $"segments[{i}].assetId";
            if (segmentMode == GenerationMode.TextToVideo)
            {
                if (assetId is not null)
                {
                    errors.Add(field, L["Segment {0} is text-to-video and takes no image or clip; choose image- or video-to-video to use one.", i + 1]);
                }

                continue;
            }

            var kind = segmentMode == GenerationMode.ImageToVideo ? AssetKind.Image : AssetKind.Video;
            if (assetId is null)
            {
                if (requireAssets)
                {
                    errors.Add(field, kind == AssetKind.Image
                        ? L["Segment {0} is image-to-video: give it an uploaded image.", i + 1]
                        : L["Segment {0} is video-to-video: give it an uploaded video clip.", i + 1]);
                }
            }
            else if (!assets.TryGetValue(assetId.Value, out var asset))
            {
                errors.Add(field, L["Segment {0}'s asset is not among your uploads.", i + 1]);
            }
            else if (asset.Kind != kind)
            {
                errors.Add(field, kind == AssetKind.Image
                    ? L["Segment {0} is image-to-video and needs an image; that asset is {1}.", i + 1, KindName(asset.Kind)]
                    : L["Segment {0} is video-to-video and needs a video clip; that asset is {1}.", i + 1, KindName(asset.Kind)]);
            }
        }

        return inputs;

        string KindName(AssetKind kind) => kind switch
        {
            AssetKind.Image => L["an image"],
            AssetKind.Video => L["a video clip"],
            AssetKind.Audio => L["a sound file"],
            _ => kind.ToString().ToLowerInvariant(),
        };
    }

    private List<string> CheckFallback(CreateJobCommand command, IVideoProvider provider, VideoTemplate template, IReadOnlyList<GenerationMode> modes, ValidationErrors errors)
    {
        IReadOnlyList<string> names = command.Fallback is { } given
            ? given
            : command.AllowFallback == true ? workerOptions.Value.FallbackChains.GetValueOrDefault(provider.Name) ?? [] : [];
        if (command.AllowFallback == false && command.Fallback is { Count: > 0 })
        {
            errors.Add("fallback", L["A fallback chain was given, but fallback is not allowed for this job."]);
            return [];
        }

        var chain = new List<string>();
        foreach (var raw in names)
        {
            var name = TextInput.Clean(raw);
            if (providers.Find(name) is not { } next)
            {
                errors.Add("fallback", L["There is no provider named '{0}'. Available: {1}.", name, string.Join(", ", providers.All.Select(p => p.Name))]);
            }
            else if (!next.IsConfigured)
            {
                errors.Add("fallback", NotConfigured(next));
            }
            else if (string.Equals(next.Name, provider.Name, StringComparison.OrdinalIgnoreCase) || chain.Contains(next.Name, StringComparer.OrdinalIgnoreCase))
            {
                errors.Add("fallback", L["{0} appears twice in the provider chain.", next.DisplayName]);
            }
            else
            {
                var unfit = new ValidationErrors();
                CheckCapabilities(next, template, modes, unfit);
                foreach (var message in unfit.Messages)
                {
                    errors.Add("fallback", message);
                }

                if (unfit.IsEmpty)
                {
                    chain.Add(next.Name);
                }
            }
        }

        return chain;
    }

    /// <summary>The given prompts, checked; a null item (or a null list) is left for the script writer.</summary>
    private List<string?> CheckPrompts(IReadOnlyList<string?>? given, VideoTemplate template, IVideoProvider provider, ValidationErrors errors)
    {
        if (given is null)
        {
            return [.. Enumerable.Repeat<string?>(null, template.SegmentCount)];
        }

        if (given.Count != template.SegmentCount)
        {
            errors.Add("prompts", L["'{0}' has {1} segments; {2} prompts were given.", template.Name, template.SegmentCount, given.Count]);
            return [];
        }

        var prompts = given.Select(p => p is null ? null : TextInput.Clean(p)).ToList();
        var limit = Math.Min(Segment.MaxPromptLength, provider.Capabilities.MaxPromptLength);
        for (var i = 0; i < prompts.Count; i++)
        {
            if (prompts[i] is { Length: 0 })
            {
                errors.Add($"prompts[{i}]", L["Segment {0} needs a prompt.", i + 1]);
            }
            else if (prompts[i] is { } prompt && prompt.Length > limit)
            {
                errors.Add($"prompts[{i}]", L["Segment {0}'s prompt is {1} characters long; {2} takes at most {3}.", i + 1, prompt.Length, provider.DisplayName, limit]);
            }
        }

        return prompts;
    }

    /// <summary>The given narration lines, checked against what a segment can say; a null item is left for the script writer, an empty one is silence.</summary>
    private List<string?> CheckNarrations(IReadOnlyList<string?>? given, VideoTemplate template, ValidationErrors errors)
    {
        if (given is null)
        {
            return [.. Enumerable.Repeat<string?>(null, template.SegmentCount)];
        }

        if (given.Count != template.SegmentCount)
        {
            errors.Add("narrations", L["'{0}' has {1} segments; {2} narration lines were given.", template.Name, template.SegmentCount, given.Count]);
            return [];
        }

        var lines = given.Select(n => n is null ? null : TextInput.Clean(n)).ToList();
        var limit = NarrationBudget.MaxCharacters(template.SegmentSeconds);
        for (var i = 0; i < lines.Count; i++)
        {
            if (lines[i] is { } line && line.Length > limit)
            {
                errors.Add($"narrations[{i}]", L["Segment {0}'s narration is {1} characters long; about {2} can be said in {3} s.", i + 1, line.Length, limit, template.SegmentSeconds]);
            }
        }

        return lines;
    }

    private static string Shorten(string text, int max) => text.Length <= max ? text : text[..(max - 1)].TrimEnd() + "…";

    private ProductionJob Build(string ownerId, string title, string theme, VideoTemplate template, IVideoProvider provider, GenerationMode mode, List<SegmentPlan> inputs, List<string> prompts, List<string> narrations)
    {
        var now = time.GetUtcNow();
        var jobId = Guid.CreateVersion7(now);
        var segments = prompts.Select((prompt, i) =>
        {
            var request = RequestFor(template, inputs[i].Mode, prompt);
            return new Segment(Guid.CreateVersion7(now), jobId, i, prompt, inputs[i].Mode, inputs[i].AssetId, provider.Name, template.SegmentSeconds, CostModel.ClipPrice(provider, request) ?? 0m)
                .WithNarration(narrations[i]);
        }).ToList();
        var job = new ProductionJob(jobId, ownerId, title, theme, template, provider.Name, mode, segments.Sum(s => s.EstimatedCostUsd), now);
        segments.ForEach(job.AddSegment);
        return job;
    }

    private ValueTask PublishAsync(ProductionJob job, CancellationToken ct) =>
        events.PublishAsync(new JobChanged(job.Id, job.OwnerId, job.Status, null, time.GetUtcNow()), ct);
}
