using Studio.Core.Templates;

namespace Studio.Core.Assembly;

/// <summary>What the final cut is made of and where it goes.</summary>
/// <param name="Clips">The chosen clip of every segment, in order.</param>
/// <param name="Size">Frame size of the cut.</param>
/// <param name="OutputVideoFile">Where the MP4 is written (a scratch path; the caller moves it into place).</param>
/// <param name="OutputPosterFile">Where the poster JPEG is written (a scratch path).</param>
public sealed record AssemblyPlan(IReadOnlyList<AssemblyClip> Clips, FrameSize Size, string OutputVideoFile, string OutputPosterFile)
{
    /// <summary>Length of the cut.</summary>
    public TimeSpan TotalDuration => Clips.Aggregate(TimeSpan.Zero, (sum, c) => sum + c.Duration);
}
