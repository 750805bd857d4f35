using Studio.Core.Assembly;
using Studio.Core.Common;
using Studio.Core.Costs;
using Studio.Core.Orchestration;
using Studio.Core.Scripts;
using Studio.Core.Segments;
using Studio.Core.Templates;

namespace Studio.Core.Jobs;

/// <summary>
/// One video being made: the brief (title, theme, template, provider, mode), its segments and its outcome.
/// Every state change goes through a method here, which checks the transition and bumps <see cref="Version"/>
/// so that two writers can never both move the same job (optimistic concurrency).
/// </summary>
public sealed class ProductionJob
{
    /// <summary>Longest title accepted.</summary>
    public const int MaxTitleLength = 120;

    /// <summary>Longest theme accepted.</summary>
    public const int MaxThemeLength = 500;

    private readonly List<Segment> _segments = [];

    private ProductionJob()
    {
        OwnerId = Title = Theme = TemplateName = StylePrompt = Provider = string.Empty;
        Language = NarrationLanguages.English;
    }

    internal ProductionJob(
        Guid id,
        string ownerId,
        string title,
        string theme,
        VideoTemplate template,
        string provider,
        GenerationMode mode,
        decimal estimatedCostUsd,
        DateTimeOffset now)
    {
        Id = id;
        OwnerId = ownerId;
        Title = title;
        Theme = theme;
        TemplateId = template.Id;
        TemplateName = template.Name;
        AspectRatio = template.AspectRatio;
        SegmentSeconds = template.SegmentSeconds;
        StylePrompt = template.StylePrompt;
        Provider = provider;
        Mode = mode;
        Status = JobStatus.Draft;
        EstimatedCostUsd = estimatedCostUsd;
        CreatedAt = now;
        Language = template.Language;
        Transition = template.Transition;
        Version = Guid.NewGuid();
    }

    /// <summary>Identifier.</summary>
    public Guid Id { get; private set; }

    /// <summary>The user who owns it; nobody else sees it.</summary>
    public string OwnerId { get; private set; }

    /// <summary>Short title shown in lists.</summary>
    public string Title { get; private set; }

    /// <summary>What the video is about.</summary>
    public string Theme { get; private set; }

    /// <summary>The template it was made from.</summary>
    public Guid TemplateId { get; private set; }

    /// <summary>The template's name when the job was created.</summary>
    public string TemplateName { get; private set; }

    /// <summary>Frame shape, copied from the template.</summary>
    public AspectRatio AspectRatio { get; private set; }

    /// <summary>Seconds per segment, copied from the template.</summary>
    public int SegmentSeconds { get; private set; }

    /// <summary>Style words added to every prompt, copied from the template.</summary>
    public string StylePrompt { get; private set; }

    /// <summary>Provider that generates the segments (e.g. "local").</summary>
    public string Provider { get; private set; }

    /// <summary>Default generation mode of the segments.</summary>
    public GenerationMode Mode { get; private set; }

    /// <summary>Language of the narration ("en" or "fr"). Default: the template's.</summary>
    public string Language { get; private set; }

    /// <summary>Voice engine that reads the narration ("espeak", "openai", "elevenlabs"); null for no voice-over.</summary>
    public string? VoiceEngine { get; private set; }

    /// <summary>The engine's voice name or id; null for the engine's default in <see cref="Language"/>.</summary>
    public string? VoiceName { get; private set; }

    /// <summary>True when captions are burned in and exported as SRT. Default false.</summary>
    public bool Captions { get; private set; }

    /// <summary>The owner's audio asset played (ducked) under the cut; null for none.</summary>
    public Guid? MusicAssetId { get; private set; }

    /// <summary>How segments give way to each other. Default: the template's.</summary>
    public TransitionStyle Transition { get; private set; }

    /// <summary>The finish settings as one value.</summary>
    public CutSettings Cut => new(Language, VoiceEngine is null ? null : new Voice.VoiceChoice(VoiceEngine, VoiceName), Captions, MusicAssetId, Transition);

    /// <summary>Where the job stands.</summary>
    public JobStatus Status { get; private set; }

    /// <summary>Overall progress, 0 to 1.</summary>
    public double Progress { get; private set; }

    /// <summary>What the provider prices say it will cost, in USD.</summary>
    public decimal EstimatedCostUsd { get; private set; }

    /// <summary>What was spent on it, in USD, once finished (segments, storyboard, voice-over); while running see <see cref="SpentUsd"/>.</summary>
    public decimal ActualCostUsd { get; private set; }

    /// <summary>The estimate's storyboard part, in USD.</summary>
    public decimal EstimatedScriptUsd { get; private set; }

    /// <summary>The estimate's voice-over part, in USD.</summary>
    public decimal EstimatedVoiceUsd { get; private set; }

    /// <summary>What writing the storyboard cost, in USD.</summary>
    public decimal ScriptCostUsd { get; private set; }

    /// <summary>What speaking the voice-over cost, in USD (each assembly with a hosted voice speaks it again).</summary>
    public decimal VoiceCostUsd { get; private set; }

    /// <summary>What the estimate says, by part.</summary>
    public CostBreakdown EstimatedCost => new(EstimatedCostUsd - EstimatedScriptUsd - EstimatedVoiceUsd, EstimatedScriptUsd, EstimatedVoiceUsd);

    /// <summary>What was spent so far, by part (the segments must be loaded).</summary>
    public CostBreakdown SpentCost => new(_segments.Sum(s => s.CostUsd), ScriptCostUsd, VoiceCostUsd);

    /// <summary>What was spent so far, in USD (the segments must be loaded).</summary>
    public decimal SpentUsd => SpentCost.Total;

    /// <summary>File-store key of the final MP4, once completed.</summary>
    public string? FinalVideoFile { get; private set; }

    /// <summary>File-store key of the poster JPEG, once completed.</summary>
    public string? PosterFile { get; private set; }

    /// <summary>When it was created.</summary>
    public DateTimeOffset CreatedAt { get; private set; }

    /// <summary>When a worker first took it.</summary>
    public DateTimeOffset? StartedAt { get; private set; }

    /// <summary>When it completed, failed or was cancelled.</summary>
    public DateTimeOffset? FinishedAt { get; private set; }

    /// <summary>Why it failed, in English words for the user (as written for logs, old rows and clients).</summary>
    public string? Error { get; private set; }

    /// <summary>
    /// <see cref="Error"/> as a <see cref="StoredText"/> in JSON, to be worded in the reader's language
    /// (<see cref="ErrorMessage"/>); null when it did not fail, when the reason is a provider's own words, or on rows older than it.
    /// </summary>
    public string? ErrorText { get; private set; }

    /// <summary>Why it failed, to be worded in the reader's language; null when it did not fail.</summary>
    public StoredText? ErrorMessage => StoredText.Read(ErrorText, Error);

    /// <summary>The worker holding it, while running.</summary>
    public string? LeaseOwner { get; private set; }

    /// <summary>Until when that worker's claim holds; past it, another worker may take the job over.</summary>
    public DateTimeOffset? LeaseUntil { get; private set; }

    /// <summary>Concurrency token, new on every change.</summary>
    public Guid Version { get; private set; }

    /// <summary>Providers that take a segment over, in order, when <see cref="Provider"/> cannot make it (comma-separated; empty = none).</summary>
    public string FallbackProviders { get; private set; } = string.Empty;

    /// <summary>The segments, in order.</summary>
    public IReadOnlyList<Segment> Segments => _segments;

    /// <summary>Total length of the video.</summary>
    public TimeSpan TotalDuration => TimeSpan.FromSeconds(SegmentSeconds * _segments.Count);

    /// <summary>True once the job can change no more.</summary>
    public bool IsFinished => Status.IsFinished();

    internal void AddSegment(Segment segment) => _segments.Add(segment);

    /// <summary>Sets how the cut is finished, while the job is being created (before it is saved).</summary>
    internal ProductionJob WithCut(CutSettings cut)
    {
        ArgumentNullException.ThrowIfNull(cut);
        Language = NarrationLanguages.Normalize(cut.Language) ?? throw new ArgumentException($"Unsupported language '{cut.Language}'.", nameof(cut));
        VoiceEngine = cut.Voice?.Engine;
        VoiceName = cut.Voice?.Voice;
        Captions = cut.Captions;
        MusicAssetId = cut.MusicAssetId;
        Transition = cut.Transition;
        return this;
    }

    /// <summary>Sets the estimate: the segments' part was given at creation; the storyboard and voice-over parts are added to it.</summary>
    public void SetEstimatedExtras(decimal scriptUsd, decimal voiceUsd)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(scriptUsd);
        ArgumentOutOfRangeException.ThrowIfNegative(voiceUsd);
        EstimatedCostUsd += scriptUsd + voiceUsd - EstimatedScriptUsd - EstimatedVoiceUsd;
        EstimatedScriptUsd = scriptUsd;
        EstimatedVoiceUsd = voiceUsd;
    }

    /// <summary>
    /// Raises the estimate to <paramref name="usd"/> when it is lower (never lowers it): a retry, a new take or another
    /// cut with a hosted voice expects to spend more, and the estimate is what the owner's budget reserves for the job.
    /// </summary>
    public void ExpectAtLeast(decimal usd)
    {
        if (usd > EstimatedCostUsd)
        {
            EstimatedCostUsd = usd;
            Touch();
        }
    }

    /// <summary>The storyboard was written by a hosted model for <paramref name="usd"/>.</summary>
    public void ChargeScript(decimal usd)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(usd);
        ScriptCostUsd += usd;
    }

    /// <summary>The voice-over was spoken by a hosted voice for <paramref name="usd"/>.</summary>
    public void ChargeVoice(decimal usd)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(usd);
        VoiceCostUsd += usd;
        Touch();
    }

    /// <summary>Draft → Queued: hands the job to the workers.</summary>
    public void Queue()
    {
        EnsureStatus(JobStatus.Draft);
        Status = JobStatus.Queued;
        Touch();
    }

    /// <summary>Sets the providers that take a segment over, in order, when this job's provider cannot make it.</summary>
    public void SetFallback(IReadOnlyList<string> providers)
    {
        ArgumentNullException.ThrowIfNull(providers);
        EnsureStatus(JobStatus.Draft);
        FallbackProviders = string.Join(',', providers);
        Touch();
    }

    /// <summary>This job's provider followed by its fallbacks.</summary>
    public IReadOnlyList<string> ProviderChain => ChainOf(Provider, FallbackProviders);

    /// <summary>A provider followed by its comma-separated fallbacks (as stored in <see cref="FallbackProviders"/>).</summary>
    public static IReadOnlyList<string> ChainOf(string provider, string fallbackProviders) =>
        [provider, .. (fallbackProviders ?? string.Empty).Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)];

    /// <summary>Queued → Running: a worker took up its first segment.</summary>
    public void MarkRunning(DateTimeOffset now)
    {
        EnsureStatus(JobStatus.Queued, JobStatus.Running);
        Status = JobStatus.Running;
        StartedAt ??= now;
        Touch();
    }

    /// <summary>An Assembling job whose lease is free (or ran out) is taken by <paramref name="worker"/> to make the cut.</summary>
    public void Claim(string worker, DateTimeOffset now, TimeSpan lease)
    {
        EnsureStatus(JobStatus.Assembling);
        if (LeaseOwner is not null && LeaseUntil >= now)
        {
            throw new InvalidOperationException($"Job {Id} is held by {LeaseOwner} until {LeaseUntil}; it cannot be claimed.");
        }

        StartedAt ??= now;
        LeaseOwner = worker;
        LeaseUntil = now + lease;
        Touch();
    }

    /// <summary>Extends the lease of the worker that holds the job.</summary>
    public void RenewLease(string worker, DateTimeOffset now, TimeSpan lease)
    {
        EnsureHeldBy(worker);
        LeaseUntil = now + lease;
        Touch();
    }

    /// <summary>Sets the assembly's progress (0 to 1 of the whole job).</summary>
    public void ReportProgress(double progress)
    {
        Progress = Math.Clamp(progress, 0, 1);
        Touch();
    }

    /// <summary>Queued/Running → Assembling once every segment has its clip; a worker claims the assembly next.</summary>
    public void BeginAssembly()
    {
        EnsureStatus(JobStatus.Queued, JobStatus.Running, JobStatus.Assembling);
        if (_segments.Any(s => s.Status != SegmentStatus.Succeeded))
        {
            throw new InvalidOperationException($"Job {Id} still has segments without a clip.");
        }

        Status = JobStatus.Assembling;
        Progress = JobProgress.GenerationShare;
        LeaseOwner = null;
        LeaseUntil = null;
        Touch();
    }

    /// <summary>Assembling → Completed with the final files.</summary>
    public void Complete(string finalVideoFile, string posterFile, DateTimeOffset now)
    {
        EnsureStatus(JobStatus.Assembling);
        Status = JobStatus.Completed;
        FinalVideoFile = finalVideoFile;
        PosterFile = posterFile;
        ActualCostUsd = SpentUsd;
        Progress = 1;
        SetError(null);
        Finish(now);
    }

    /// <summary>Any unfinished state → Failed with a reason for the user, worded in each reader's language.</summary>
    public void Fail(StoredText error, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(error);
        if (IsFinished)
        {
            throw new InvalidOperationException($"Job {Id} is already {Status}.");
        }

        Status = JobStatus.Failed;
        SetError(error);
        ActualCostUsd = SpentUsd;
        Finish(now);
    }

    /// <summary>
    /// Stops the job: no new submission, unfinished segments cancelled. Returns the generations still running at their
    /// providers (provider, provider job id), for the caller to cancel there once this is saved.
    /// </summary>
    public IReadOnlyList<(string Provider, string ProviderJobId)> Cancel(DateTimeOffset now)
    {
        EnsureStatus(JobStatus.Draft, JobStatus.Queued, JobStatus.Running, JobStatus.Assembling);
        var running = _segments.Where(s => !s.IsFinished && s.ProviderJobId is not null)
            .Select(s => (s.Provider, s.ProviderJobId!))
            .ToList();
        foreach (var segment in _segments.Where(s => !s.IsFinished))
        {
            segment.Cancel(now);
        }

        Status = JobStatus.Cancelled;
        SetError(null);
        ActualCostUsd = SpentUsd;
        Finish(now);
        return running;
    }

    /// <summary>
    /// Failed/Cancelled → Queued: the segments without a clip are made again from scratch (with the job's own provider);
    /// those with a clip keep it. When every segment has its clip, only the assembly is done again.
    /// </summary>
    public void Retry()
    {
        EnsureStatus(JobStatus.Failed, JobStatus.Cancelled);
        foreach (var segment in _segments.Where(s => s.Status is SegmentStatus.Failed or SegmentStatus.Cancelled))
        {
            segment.Reset(Provider);
        }

        Reopen();
        if (_segments.All(s => s.Status == SegmentStatus.Succeeded))
        {
            BeginAssembly();
        }
    }

    /// <summary>
    /// Starts a new take of one finished segment (optionally with a new prompt); earlier takes are kept. A finished job
    /// goes back to the queue and is assembled again once the take is made.
    /// </summary>
    public Segment Regenerate(int index, string? prompt)
    {
        EnsureStatus(JobStatus.Queued, JobStatus.Running, JobStatus.Completed, JobStatus.Failed, JobStatus.Cancelled);
        var segment = SegmentAt(index);
        segment.Regenerate(prompt, Provider);
        if (IsFinished)
        {
            Reopen();
        }

        Touch();
        return segment;
    }

    /// <summary>Puts an earlier take of a segment into the cut; when every segment has a clip the job is assembled again.</summary>
    public void SelectTake(int index, SegmentTake take)
    {
        EnsureStatus(JobStatus.Completed, JobStatus.Failed, JobStatus.Cancelled);
        SegmentAt(index).Select(take);
        if (_segments.All(s => s.Status == SegmentStatus.Succeeded))
        {
            Reopen();
            BeginAssembly();
        }
        else
        {
            Touch();
        }
    }

    /// <summary>Makes the final cut again from the clips in place (after a failed or cancelled assembly, or to refresh a finished one).</summary>
    /// <exception cref="InvalidOperationException">The job is still being made, or a segment has no clip.</exception>
    public void Reassemble()
    {
        EnsureStatus(JobStatus.Completed, JobStatus.Failed, JobStatus.Cancelled);
        if (_segments.Any(s => s.Status != SegmentStatus.Succeeded))
        {
            throw new InvalidOperationException($"Job {Id} still has segments without a clip.");
        }

        Reopen();
        BeginAssembly();
    }

    /// <summary>The segment at <paramref name="index"/> (from 0).</summary>
    /// <exception cref="ArgumentOutOfRangeException">There is none.</exception>
    public Segment SegmentAt(int index) =>
        _segments.FirstOrDefault(s => s.Index == index) ?? throw new ArgumentOutOfRangeException(nameof(index), index, $"Job {Id} has no segment {index}.");

    private void SetError(StoredText? error)
    {
        Error = error?.English;
        ErrorText = error?.ToJson();
    }

    private void Reopen()
    {
        Status = JobStatus.Queued;
        SetError(null);
        FinishedAt = null;
        LeaseOwner = null;
        LeaseUntil = null;
        Touch();
    }

    private void Finish(DateTimeOffset now)
    {
        FinishedAt = now;
        LeaseOwner = null;
        LeaseUntil = null;
        Touch();
    }

    private void EnsureHeldBy(string worker)
    {
        if (LeaseOwner != worker)
        {
            throw new InvalidOperationException($"Job {Id} is held by {LeaseOwner ?? "nobody"}, not {worker}.");
        }
    }

    private void EnsureStatus(params JobStatus[] allowed)
    {
        if (!allowed.Contains(Status))
        {
            throw new InvalidOperationException($"Job {Id} is {Status}; expected {string.Join(" or ", allowed)}.");
        }
    }

    private void Touch() => Version = Guid.NewGuid();
}
