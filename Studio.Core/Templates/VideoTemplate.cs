using Studio.Core.Segments;

namespace Studio.Core.Templates;

/// <summary>
/// A reusable video structure: how many segments of how many seconds, in which frame shape, made how by default.
/// Jobs copy what they need from it when they are created, so editing a template never changes a job.
/// </summary>
public sealed class VideoTemplate
{
    /// <summary>Longest name accepted.</summary>
    public const int MaxNameLength = 80;

    private List<string> _defaultPrompts = [];

    private VideoTemplate()
    {
        Name = string.Empty;
        Description = string.Empty;
        DefaultProvider = string.Empty;
        StylePrompt = string.Empty;
    }

    /// <summary>Creates a template.</summary>
    public VideoTemplate(
        Guid id,
        string name,
        string description,
        AspectRatio aspectRatio,
        int segmentCount,
        int segmentSeconds,
        string defaultProvider,
        GenerationMode defaultMode,
        string stylePrompt,
        IEnumerable<string> defaultPrompts,
        DateTimeOffset createdAt)
    {
        Id = id;
        Name = name;
        Description = description;
        AspectRatio = aspectRatio;
        SegmentCount = segmentCount;
        SegmentSeconds = segmentSeconds;
        DefaultProvider = defaultProvider;
        DefaultMode = defaultMode;
        StylePrompt = stylePrompt;
        _defaultPrompts = [.. defaultPrompts];
        CreatedAt = createdAt;
        UpdatedAt = createdAt;
    }

    /// <summary>Identifier.</summary>
    public Guid Id { get; private set; }

    /// <summary>Unique display name, e.g. "Reels 30s Standard".</summary>
    public string Name { get; private set; }

    /// <summary>What the template is for.</summary>
    public string Description { get; private set; }

    /// <summary>Frame shape of every segment.</summary>
    public AspectRatio AspectRatio { get; private set; }

    /// <summary>Number of segments.</summary>
    public int SegmentCount { get; private set; }

    /// <summary>Length of each segment in seconds.</summary>
    public int SegmentSeconds { get; private set; }

    /// <summary>Provider used when a job names none (default "local").</summary>
    public string DefaultProvider { get; private set; }

    /// <summary>Mode used when a job names none.</summary>
    public GenerationMode DefaultMode { get; private set; }

    /// <summary>Style words added to every prompt sent to a provider.</summary>
    public string StylePrompt { get; private set; }

    /// <summary>Optional default prompt per segment; <c>{theme}</c> is replaced by the job's theme. May be shorter than <see cref="SegmentCount"/>.</summary>
    public IReadOnlyList<string> DefaultPrompts => _defaultPrompts;

    /// <summary>When it was created.</summary>
    public DateTimeOffset CreatedAt { get; private set; }

    /// <summary>When it was last changed; equal to <see cref="CreatedAt"/> for an untouched seeded template.</summary>
    public DateTimeOffset UpdatedAt { get; private set; }

    /// <summary>Total length of a video made from this template.</summary>
    public TimeSpan TotalDuration => TimeSpan.FromSeconds(SegmentCount * SegmentSeconds);

    /// <summary>The default prompt of a segment, or null.</summary>
    public string? DefaultPromptFor(int index) =>
        index >= 0 && index < _defaultPrompts.Count && !string.IsNullOrWhiteSpace(_defaultPrompts[index])
            ? _defaultPrompts[index]
            : null;
}
