namespace Studio.Core.Templates;

/// <summary>A template in a list.</summary>
public sealed record TemplateSummary(
    Guid Id,
    string Name,
    string Description,
    AspectRatio AspectRatio,
    int SegmentCount,
    int SegmentSeconds,
    string DefaultProvider)
{
    /// <summary>Total length of a video made from it.</summary>
    public TimeSpan TotalDuration => TimeSpan.FromSeconds(SegmentCount * SegmentSeconds);

    internal static TemplateSummary From(VideoTemplate t) =>
        new(t.Id, t.Name, t.Description, t.AspectRatio, t.SegmentCount, t.SegmentSeconds, t.DefaultProvider);
}
