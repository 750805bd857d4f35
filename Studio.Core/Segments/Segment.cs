namespace Studio.Core.Segments;

/// <summary>
/// One slot of a job's timeline and the generation that fills it.
/// A segment whose <see cref="ProviderJobId"/> is saved is polled, never submitted again.
/// </summary>
public sealed class Segment
{
    /// <summary>Longest prompt accepted.</summary>
    public const int MaxPromptLength = 1000;

    /// <summary>Longest narration line accepted.</summary>
    public const int MaxNarrationLength = 300;

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

    /// <summary>Why the last attempt failed, in words for the user.</summary>
    public string? Error { get; private set; }

    /// <summary>File-store key of the finished clip.</summary>
    public string? ClipFile { get; private set; }

    /// <summary>Length in seconds.</summary>
    public int Seconds { get; private set; }

    /// <summary>What the provider's price list says this segment costs, in USD.</summary>
    public decimal EstimatedCostUsd { get; private set; }

    /// <summary>What was billed for it, in USD.</summary>
    public decimal CostUsd { get; private set; }

    /// <summary>When its first generation started.</summary>
    public DateTimeOffset? StartedAt { get; private set; }

    /// <summary>When it succeeded or failed.</summary>
    public DateTimeOffset? FinishedAt { get; private set; }

    /// <summary>Concurrency token, new on every change.</summary>
    public Guid Version { get; private set; }

    /// <summary>True once it needs no more work.</summary>
    public bool IsFinished => Status is SegmentStatus.Succeeded or SegmentStatus.Failed or SegmentStatus.Cancelled;

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
        Progress = 0;
        Error = null;
        StartedAt ??= now;
        Touch();
    }

    /// <summary>Submitting → Submitted: the provider's job id is known and saved.</summary>
    public void MarkSubmitted(string providerJobId)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(providerJobId);
        Ensure(SegmentStatus.Submitting);
        ProviderJobId = providerJobId;
        Status = SegmentStatus.Submitted;
        Touch();
    }

    /// <summary>Submitted/Rendering → Rendering with the provider's progress.</summary>
    public void ReportRendering(double progress)
    {
        Ensure(SegmentStatus.Submitted, SegmentStatus.Rendering);
        Status = SegmentStatus.Rendering;
        Progress = Math.Clamp(progress, 0, 0.99);
        Touch();
    }

    /// <summary>Submitted/Rendering → Downloading.</summary>
    public void BeginDownload()
    {
        Ensure(SegmentStatus.Submitted, SegmentStatus.Rendering);
        Status = SegmentStatus.Downloading;
        Touch();
    }

    /// <summary>Downloading → Succeeded with the stored clip and what it cost.</summary>
    public void Succeed(string clipFile, decimal costUsd, DateTimeOffset now)
    {
        Ensure(SegmentStatus.Downloading);
        Status = SegmentStatus.Succeeded;
        ClipFile = clipFile;
        CostUsd += costUsd;
        Progress = 1;
        Error = null;
        FinishedAt = now;
        Touch();
    }

    /// <summary>
    /// Back to Pending after a transient failure of the provider's job: the old provider job id is forgotten,
    /// so the next attempt submits anew. <paramref name="billedUsd"/> is what the failed attempt still cost.
    /// </summary>
    public void RetryLater(string error, decimal billedUsd)
    {
        if (IsFinished)
        {
            throw new InvalidOperationException($"Segment {Index} is already {Status}.");
        }

        Status = SegmentStatus.Pending;
        ProviderJobId = null;
        Progress = 0;
        Error = error;
        CostUsd += billedUsd;
        Touch();
    }

    /// <summary>Any unfinished state → Failed.</summary>
    public void Fail(string error, DateTimeOffset now)
    {
        if (IsFinished)
        {
            throw new InvalidOperationException($"Segment {Index} is already {Status}.");
        }

        Status = SegmentStatus.Failed;
        Error = error;
        FinishedAt = now;
        Touch();
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
