namespace Studio.Core.Segments;

/// <summary>Where a segment's generation stands (see docs/adr and ARCHITECTURE.md for the state machine).</summary>
public enum SegmentStatus
{
    /// <summary>Waiting to be sent to a provider.</summary>
    Pending,

    /// <summary>A request to the provider is on its way; no provider job id is known yet.</summary>
    Submitting,

    /// <summary>The provider accepted it; its job id is saved.</summary>
    Submitted,

    /// <summary>The provider reports it is rendering.</summary>
    Rendering,

    /// <summary>The clip is being fetched.</summary>
    Downloading,

    /// <summary>The clip is stored.</summary>
    Succeeded,

    /// <summary>Generation failed for good; <see cref="Segment.Error"/> says why.</summary>
    Failed,

    /// <summary>Stopped with its job.</summary>
    Cancelled,
}
