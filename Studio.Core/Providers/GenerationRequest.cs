using Studio.Core.Segments;
using Studio.Core.Templates;

namespace Studio.Core.Providers;

/// <summary>What a provider is asked to make for one segment.</summary>
/// <param name="SegmentId">The segment (for logs and correlation).</param>
/// <param name="Prompt">What the clip should show.</param>
/// <param name="StylePrompt">Style words from the template, may be empty.</param>
/// <param name="Mode">Text-, image- or video-to-video.</param>
/// <param name="AspectRatio">Frame shape.</param>
/// <param name="Duration">Exact length wanted.</param>
/// <param name="Input">The image or clip to start from, for image- and video-to-video.</param>
public sealed record GenerationRequest(
    Guid SegmentId,
    string Prompt,
    string StylePrompt,
    GenerationMode Mode,
    AspectRatio AspectRatio,
    TimeSpan Duration,
    GenerationInput? Input)
{
    /// <summary>Position of the segment in its video, from 0 (default 0); lets a provider vary neighbouring clips.</summary>
    public int SegmentIndex { get; init; }

    /// <summary>
    /// Studio's own name for this submission (segment, take and attempt), sent to providers that keep a client
    /// reference, so that a submission whose id was lost in a crash can be found again instead of paid for twice.
    /// </summary>
    public string? Reference { get; init; }

    /// <summary>The output size for <see cref="AspectRatio"/>.</summary>
    public FrameSize Size => FrameSize.For(AspectRatio);
}
