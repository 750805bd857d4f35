using Studio.Core.Segments;

namespace Studio.Core.Jobs;

/// <summary>What one segment starts from: its mode (null: the job's) and, for image- and video-to-video, one of the owner's assets.</summary>
/// <param name="Mode">The segment's mode; null for the job's (a mix of modes is a hybrid job).</param>
/// <param name="AssetId">The image or clip it starts from.</param>
public sealed record SegmentInput(GenerationMode? Mode, Guid? AssetId);

/// <summary>A segment's input once checked: its mode decided.</summary>
internal sealed record SegmentPlan(GenerationMode Mode, Guid? AssetId);
