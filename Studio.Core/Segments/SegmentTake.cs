namespace Studio.Core.Segments;

/// <summary>One finished clip of a segment. Regenerating makes another; the user picks which goes into the cut.</summary>
public sealed class SegmentTake
{
    private SegmentTake()
    {
        Provider = Prompt = ClipFile = string.Empty;
    }

    internal SegmentTake(Guid id, Guid segmentId, Guid jobId, int number, string provider, string prompt, string clipFile, decimal costUsd, DateTimeOffset createdAt)
    {
        Id = id;
        SegmentId = segmentId;
        JobId = jobId;
        Number = number;
        Provider = provider;
        Prompt = prompt;
        ClipFile = clipFile;
        CostUsd = costUsd;
        CreatedAt = createdAt;
    }

    /// <summary>Identifier.</summary>
    public Guid Id { get; private set; }

    /// <summary>The segment it was made for.</summary>
    public Guid SegmentId { get; private set; }

    /// <summary>The job of that segment.</summary>
    public Guid JobId { get; private set; }

    /// <summary>1 for the first take, then 2, 3…</summary>
    public int Number { get; private set; }

    /// <summary>The provider that made it.</summary>
    public string Provider { get; private set; }

    /// <summary>The prompt it was made from.</summary>
    public string Prompt { get; private set; }

    /// <summary>File-store key of the clip.</summary>
    public string ClipFile { get; private set; }

    /// <summary>What the provider billed for it, in USD.</summary>
    public decimal CostUsd { get; private set; }

    /// <summary>When it was stored.</summary>
    public DateTimeOffset CreatedAt { get; private set; }
}
