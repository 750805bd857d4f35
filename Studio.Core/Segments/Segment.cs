using Studio.Core.Common;

namespace Studio.Core.Segments;

/// <summary>
/// One slot of a job's timeline and the generation that fills it.
/// A segment whose <see cref="ProviderJobId"/> is saved is polled, never submitted again.
/// </summary>
public sealed class Segment
{
    /// <summary>Longest prompt accepted.</summary>
    public const int MaxPromptLength = 1000;

    private readonly List<SegmentTake> _takes = [];
    /// <summary>Longest narration line accepted.</summary>
    public const int MaxNarrationLength = 300;

    /// <summary>Longest provider note kept (<see cref="Detail"/>).</summary>
    public const int MaxDetailLength = 200;

    private Segment()
    {
        Prompt = Provider = Narration = string.Empty;
    }

    internal Segment(Guid id, Guid jobId, int index, string prompt, GenerationMode mode, Guid? assetId, string provider, int seconds, decimal estimatedCostUsd)
    {
        Id = id;
        JobId = jobId;
        Index = index;
        Prompt = prompt;
        Mode = mode;
        AssetId = assetId;
        Provider = provider;
        Seconds = seconds;
        EstimatedCostUsd = estimatedCostUsd;
        Status = SegmentStatus.Pending;
        Narration = string.Empty;
        Version = Guid.NewGuid();
    }

    /// <summary>Identifier.</summary>
    public Guid Id { get; private set; }

    /// <summary>The job it belongs to.</summary>
    public Guid JobId { get; private set; }

    /// <summary>Position in the timeline, from 0.</summary>
    public int Index { get; private set; }

    /// <summary>What the clip should show.</summary>
    public string Prompt { get; private set; }

    /// <summary>The line the voice-over says (and the captions show) over this segment; empty for none.</summary>
    public string Narration { get; private set; }

    /// <summary>How the clip is made.</summary>
    public GenerationMode Mode { get; private set; }

    /// <summary>The uploaded image or clip it starts from, for image- and video-to-video.</summary>
    public Guid? AssetId { get; private set; }

    /// <summary>Where it stands.</summary>
    public SegmentStatus Status { get; private set; }

    /// <summary>Progress of the current generation, 0 to 1.</summary>
    public double Progress { get; private set; }

    /// <summary>The provider that makes it.</summary>
    public string Provider { get; private set; }

    /// <summary>The provider's own id for the running generation, saved as soon as it is known.</summary>
    public string? ProviderJobId { get; private set; }

    /// <summary>How many generations were started for it.</summary>
    public int Attempts { get; private set; }

    /// <summary>Why the last attempt failed, in English words for the user (as written for logs, old rows and clients).</summary>
    public string? Error { get; private set; }

    /// <summary>
    /// <see cref="Error"/> as a <see cref="StoredText"/> in JSON, to be worded in the reader's language
    /// (<see cref="ErrorMessage"/>); null when there is no reason, when it is a provider's own words, or on rows older than it.
    /// </summary>
    public string? ErrorText { get; private set; }

    /// <summary>Why the last attempt failed, to be worded in the reader's language; null when nothing failed.</summary>
    public StoredText? ErrorMessage => StoredText.Read(ErrorText, Error);

    /// <summary>File-store key of the finished clip.</summary>
    public string? ClipFile { get; private set; }

    /// <summary>Length in seconds.</summary>
    public int Seconds { get; private set; }

    /// <summary>What the provider's price list says this segment costs, in USD.</summary>
    public decimal EstimatedCostUsd { get; private set; }

    /// <summary>What was billed for it, in USD, over all takes: every accepted submission, less refunds.</summary>
    public decimal CostUsd { get; private set; }

    /// <summary>What the current take has cost so far, in USD (its retries included).</summary>
    public decimal TakeCostUsd { get; private set; }

    /// <summary>The charge of the generation running at the provider, given back if it fails at a provider that refunds.</summary>
    public decimal OpenChargeUsd { get; private set; }

    /// <summary>The provider's note on where the generation stands (e.g. "Queued at provider"); null when none.</summary>
    public string? Detail { get; private set; }

    /// <summary>When its first generation started.</summary>
    public DateTimeOffset? StartedAt { get; private set; }

    /// <summary>When it succeeded or failed.</summary>
    public DateTimeOffset? FinishedAt { get; private set; }

    /// <summary>The take being made or last made, from 1; a regeneration starts the next one.</summary>
    public int Take { get; private set; } = 1;

    /// <summary>The take that goes into the cut, once one has been made.</summary>
    public int? SelectedTake { get; private set; }

    /// <summary>Generations a provider accepted for this segment, over all takes: each one is billed.</summary>
    public int Submissions { get; private set; }

    /// <summary>Attempts of the current take at its current provider; past the limit the fallback provider takes over.</summary>
    public int ProviderAttempts { get; private set; }

    /// <summary>Status polls of the current provider job; the wait between polls grows with it.</summary>
    public int Polls { get; private set; }

    /// <summary>Not to be worked on before this instant (a retry's back-off or the next status poll); null = now.</summary>
    public DateTimeOffset? DueAt { get; private set; }

    /// <summary>The worker working on it right now, if any.</summary>
    public string? LeaseOwner { get; private set; }

    /// <summary>Until when that worker's claim holds; past it, another worker may take the segment over.</summary>
    public DateTimeOffset? LeaseUntil { get; private set; }

    /// <summary>Concurrency token, new on every change (lease renewals included).</summary>
    public Guid Version { get; private set; }

    /// <summary>Every clip made for it, oldest first (loaded on request).</summary>
    public IReadOnlyList<SegmentTake> Takes => _takes;

    /// <summary>True once it needs no more work.</summary>
    public bool IsFinished => Status is SegmentStatus.Succeeded or SegmentStatus.Failed or SegmentStatus.Cancelled;

    /// <summary>Studio's reference for the current attempt, sent to providers that can look a submission up by it.</summary>
    public string SubmissionReference => $"{Id:N}-t{Take}-a{Attempts}";

    /// <summary>
    /// A worker takes the segment for one step. A pending segment begins its next attempt in the same write
    /// (Pending → Submitting), so the attempt is on record before the provider is asked.
    /// </summary>
    public void Claim(string worker, DateTimeOffset now, TimeSpan lease)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(worker);
        if (IsFinished)
        {
            throw new InvalidOperationException($"Segment {Index} is {Status}; there is nothing to work on.");
        }

        if (LeaseOwner is not null && LeaseUntil >= now)
        {
            throw new InvalidOperationException($"Segment {Index} is held by {LeaseOwner} until {LeaseUntil}.");
        }

        if (Status == SegmentStatus.Pending)
        {
            BeginSubmit(now);
        }

        LeaseOwner = worker;
        LeaseUntil = now + lease;
        Touch();
    }

    /// <summary>Extends the holder's lease.</summary>
    public void RenewLease(DateTimeOffset now, TimeSpan lease)
    {
        if (LeaseOwner is null)
        {
            throw new InvalidOperationException($"Segment {Index} is not held.");
        }

        LeaseUntil = now + lease;
        Touch();
    }

    /// <summary>Gives the segment back, to be worked on again from <paramref name="dueAt"/> (null = at once).</summary>
    public void Release(DateTimeOffset? dueAt)
    {
        LeaseOwner = null;
        LeaseUntil = null;
        DueAt = dueAt;
        Touch();
    }

    /// <summary>Sets the narration line while the segment is being created (before its job is saved).</summary>
    internal Segment WithNarration(string narration)
    {
        ArgumentNullException.ThrowIfNull(narration);
        Narration = narration;
        return this;
    }

    /// <summary>Pending → Submitting: a new attempt is about to reach the provider.</summary>
    public void BeginSubmit(DateTimeOffset now)
    {
        Ensure(SegmentStatus.Pending);
        Status = SegmentStatus.Submitting;
        Attempts++;
        ProviderAttempts++;
        Polls = 0;
        Progress = 0;
        Detail = null;
        StartedAt ??= now;
        Touch();
    }

    /// <summary>
    /// The provider's answer to a submission was lost (timeout, server error): the segment stays Submitting, given back
    /// with the reason, so that the submission is looked up by its reference from <paramref name="dueAt"/> before any new one.
    /// </summary>
    public void AwaitLookup(StoredText error, DateTimeOffset dueAt)
    {
        Ensure(SegmentStatus.Submitting);
        SetError(error);
        Release(dueAt);
    }

    /// <summary>Asking the provider whether a submission started failed too: ask again from <paramref name="dueAt"/> (one more try on record in <see cref="Polls"/>).</summary>
    public void LookupFailed(StoredText error, DateTimeOffset dueAt)
    {
        Ensure(SegmentStatus.Submitting);
        Polls++;
        SetError(error);
        Release(dueAt);
    }

    /// <summary>Fetching the finished clip failed: fetch it again from <paramref name="dueAt"/> (one more try on record in <see cref="Polls"/>).</summary>
    public void DownloadFailed(StoredText error, DateTimeOffset dueAt)
    {
        Ensure(SegmentStatus.Downloading);
        Polls++;
        SetError(error);
        Release(dueAt);
    }

    /// <summary>
    /// Submitting → Submitted: the provider's job id is known and saved; the provider bills it
    /// <paramref name="chargeUsd"/>, which is added to the segment's cost at once.
    /// </summary>
    public void MarkSubmitted(string providerJobId, decimal chargeUsd = 0m)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(providerJobId);
        ArgumentOutOfRangeException.ThrowIfNegative(chargeUsd);
        Ensure(SegmentStatus.Submitting);
        ProviderJobId = providerJobId;
        Status = SegmentStatus.Submitted;
        Submissions++;
        CostUsd += chargeUsd;
        TakeCostUsd += chargeUsd;
        OpenChargeUsd = chargeUsd;
        SetError(null);
        Touch();
    }

    /// <summary>The running generation failed at a provider that refunds failures: its charge is given back. Returns the amount.</summary>
    public decimal Refund()
    {
        var refund = OpenChargeUsd;
        CostUsd -= refund;
        TakeCostUsd -= refund;
        OpenChargeUsd = 0;
        Touch();
        return refund;
    }

    /// <summary>Submitted/Rendering → Rendering with the provider's progress (one more poll on record).</summary>
    public void ReportRendering(double progress, string? detail = null)
    {
        Ensure(SegmentStatus.Submitted, SegmentStatus.Rendering);
        Status = SegmentStatus.Rendering;
        Progress = Math.Clamp(progress, 0, 0.99);
        Detail = detail is null ? null : detail.Length > MaxDetailLength ? detail[..MaxDetailLength] : detail;
        Polls++;
        Touch();
    }

    /// <summary>Submitted/Rendering → Downloading.</summary>
    public void BeginDownload()
    {
        Ensure(SegmentStatus.Submitted, SegmentStatus.Rendering);
        Status = SegmentStatus.Downloading;
        Polls = 0;
        Detail = null;
        Touch();
    }

    /// <summary>
    /// Downloading → Succeeded: the clip is stored as the current take, which becomes the chosen one.
    /// Returns the take, for the caller to save with the segment.
    /// </summary>
    public SegmentTake Succeed(string clipFile, DateTimeOffset now)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(clipFile);
        Ensure(SegmentStatus.Downloading);
        Status = SegmentStatus.Succeeded;
        ClipFile = clipFile;
        OpenChargeUsd = 0;
        Progress = 1;
        SetError(null);
        FinishedAt = now;
        SelectedTake = Take;
        LeaseOwner = null;
        LeaseUntil = null;
        DueAt = null;
        Touch();
        return new SegmentTake(Guid.CreateVersion7(now), Id, JobId, Take, Provider, Prompt, clipFile, TakeCostUsd, now);
    }

    /// <summary>
    /// Back to Pending after a transient failure: the old provider job id is forgotten, so the next attempt submits
    /// anew, not before <paramref name="dueAt"/>. <paramref name="billedUsd"/> is what the failed attempt still cost.
    /// </summary>
    public void RetryLater(StoredText error, decimal billedUsd, DateTimeOffset dueAt)
    {
        EnsureUnfinished();
        Status = SegmentStatus.Pending;
        ProviderJobId = null;
        Progress = 0;
        SetError(error);
        CostUsd += billedUsd;
        Release(dueAt);
    }

    /// <summary>The job's next provider takes the segment over (its circuit is open or its attempts are spent).</summary>
    public void HandOver(string provider, StoredText reason)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(provider);
        EnsureUnfinished();
        Status = SegmentStatus.Pending;
        SetError(StoredText.Of("{0} Handed over to {1}.", reason, provider));
        Provider = provider;
        ProviderJobId = null;
        ProviderAttempts = 0;
        Progress = 0;
        Release(null);
    }

    /// <summary>
    /// Any unfinished state → Failed. A segment that already has a chosen take keeps it instead (Succeeded, with the
    /// reason the new take failed), so a failed regeneration never costs the cut its clip.
    /// </summary>
    public void Fail(StoredText error, DateTimeOffset now)
    {
        EnsureUnfinished();
        ProviderJobId = null;
        FinishedAt = now;
        if (SelectedTake is { } kept)
        {
            Status = SegmentStatus.Succeeded;
            Progress = 1;
            SetError(StoredText.Of("Take {0} could not be made ({1}); take {2} stays in the cut.", Take, error, kept));
        }
        else
        {
            Status = SegmentStatus.Failed;
            SetError(error);
        }

        Release(null);
    }

    /// <summary>Any unfinished state → Cancelled (with its job); a segment with a chosen take keeps it (Succeeded).</summary>
    public void Cancel(DateTimeOffset now)
    {
        EnsureUnfinished();
        ProviderJobId = null;
        FinishedAt = now;
        SetError(null);
        if (SelectedTake is not null)
        {
            Status = SegmentStatus.Succeeded;
            Progress = 1;
        }
        else
        {
            Status = SegmentStatus.Cancelled;
        }

        Release(null);
    }

    /// <summary>Failed/Cancelled → Pending: tried again from scratch with <paramref name="provider"/> (the job's first choice).</summary>
    public void Reset(string provider)
    {
        Ensure(SegmentStatus.Failed, SegmentStatus.Cancelled);
        Status = SegmentStatus.Pending;
        Provider = provider;
        ProviderJobId = null;
        ProviderAttempts = 0;
        Progress = 0;
        SetError(null);
        FinishedAt = null;
        Release(null);
    }

    /// <summary>
    /// A finished segment starts a new take (optionally with a new prompt) with <paramref name="provider"/>; earlier takes stay,
    /// and the chosen one stays in the cut until the new take succeeds.
    /// </summary>
    public void Regenerate(string? prompt, string provider)
    {
        if (!IsFinished)
        {
            throw new InvalidOperationException($"Segment {Index} is {Status}; it is still being made.");
        }

        if (prompt is not null)
        {
            ArgumentException.ThrowIfNullOrWhiteSpace(prompt);
            Prompt = prompt;
        }

        if (SelectedTake is not null)
        {
            Take++;
            TakeCostUsd = 0;
        }

        Status = SegmentStatus.Pending;
        Provider = provider;
        ProviderJobId = null;
        Attempts = 0;
        ProviderAttempts = 0;
        Progress = 0;
        SetError(null);
        FinishedAt = null;
        Release(null);
    }

    /// <summary>Puts an earlier take into the cut.</summary>
    public void Select(SegmentTake take)
    {
        ArgumentNullException.ThrowIfNull(take);
        if (take.SegmentId != Id)
        {
            throw new InvalidOperationException($"Take {take.Number} belongs to another segment.");
        }

        if (!IsFinished)
        {
            throw new InvalidOperationException($"Segment {Index} is {Status}; wait until its new take is made.");
        }

        SelectedTake = take.Number;
        ClipFile = take.ClipFile;
        Status = SegmentStatus.Succeeded;
        SetError(null);
        Progress = 1;
        Touch();
    }

    private void SetError(StoredText? error)
    {
        Error = error?.English;
        ErrorText = error?.ToJson();
    }

    private void EnsureUnfinished()
    {
        if (IsFinished)
        {
            throw new InvalidOperationException($"Segment {Index} is already {Status}.");
        }
    }

    private void Ensure(params SegmentStatus[] allowed)
    {
        if (!allowed.Contains(Status))
        {
            throw new InvalidOperationException($"Segment {Index} is {Status}; expected {string.Join(" or ", allowed)}.");
        }
    }

    private void Touch() => Version = Guid.NewGuid();
}
