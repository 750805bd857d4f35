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
    /// <summary>Default narration language ("en" or "fr"). Default "en".</summary>
    public string Language { get; init; } = Scripts.NarrationLanguages.English;

    /// <summary>Default transition between segments. Default cut.</summary>
    public Assembly.TransitionStyle Transition { get; init; }

    /// <summary>Mode offered first. Default text-to-video.</summary>
    public Segments.GenerationMode DefaultMode { get; init; }

    /// <summary>True when its jobs burn in captions by default. Default false.</summary>
    public bool Captions { get; init; }

    /// <summary>The user who made it; null for a built-in template (only admins change those).</summary>
    public string? OwnerId { get; init; }

    /// <summary>Total length of a video made from it.</summary>
    public TimeSpan TotalDuration => TimeSpan.FromSeconds(SegmentCount * SegmentSeconds);

    internal static TemplateSummary From(VideoTemplate t) =>
        new(t.Id, t.Name, t.Description, t.AspectRatio, t.SegmentCount, t.SegmentSeconds, t.DefaultProvider)
        {
            Language = t.Language,
            Transition = t.Transition,
            DefaultMode = t.DefaultMode,
            Captions = t.Captions,
            OwnerId = t.OwnerId,
        };
}
