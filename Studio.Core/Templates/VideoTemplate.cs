using Studio.Core.Assembly;
using Studio.Core.Scripts;
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
        Language = NarrationLanguages.English;
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
        DateTimeOffset createdAt,
        string language = NarrationLanguages.English,
        TransitionStyle transition = TransitionStyle.Cut,
        CaptionStyle? captionStyle = null,
        bool captions = false)
    {
        var style = captionStyle ?? CaptionStyle.Default;
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
        Language = NarrationLanguages.Normalize(language) ?? throw new ArgumentException($"Unsupported language '{language}'.", nameof(language));
        Transition = transition;
        Captions = captions;
        CaptionFontRatio = style.FontHeightRatio;
        CaptionOutlineRatio = style.OutlineRatio;
        CaptionBottomRatio = style.BottomMarginRatio;
        CaptionSideRatio = style.SideMarginRatio;
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

    /// <summary>Language of the narration when a job names none ("en" or "fr"). Default "en".</summary>
    public string Language { get; private set; }

    /// <summary>How segments give way to each other. Default <see cref="TransitionStyle.Cut"/>.</summary>
    public TransitionStyle Transition { get; private set; }

    /// <summary>
    /// True when jobs made from it burn in captions and export an SRT unless the job says otherwise. Default false.
    /// A job copies the value at its creation.
    /// </summary>
    public bool Captions { get; private set; }

    /// <summary>Caption font size as a fraction of the frame height (see <see cref="CaptionStyle"/>).</summary>
    public double CaptionFontRatio { get; private set; }

    /// <summary>Caption outline as a fraction of the font size.</summary>
    public double CaptionOutlineRatio { get; private set; }

    /// <summary>Caption distance from the bottom as a fraction of the frame height.</summary>
    public double CaptionBottomRatio { get; private set; }

    /// <summary>Caption distance from each side as a fraction of the frame width.</summary>
    public double CaptionSideRatio { get; private set; }

    /// <summary>The caption style made of the four ratios.</summary>
    public CaptionStyle CaptionStyle => new(CaptionFontRatio, CaptionOutlineRatio, CaptionBottomRatio, CaptionSideRatio);

    /// <summary>When it was created.</summary>
    public DateTimeOffset CreatedAt { get; private set; }

    /// <summary>When it was last changed; equal to <see cref="CreatedAt"/> for an untouched seeded template.</summary>
    public DateTimeOffset UpdatedAt { get; private set; }

    /// <summary>The user who made it; null for the built-in templates, which only admins change.</summary>
    public string? OwnerId { get; private set; }

    /// <summary>True once deleted: hidden from lists and new jobs, kept for the jobs made from it.</summary>
    public bool IsArchived { get; private set; }

    /// <summary>A new template from a checked draft, owned by <paramref name="ownerId"/>.</summary>
    internal static VideoTemplate Create(TemplateDraft draft, string? ownerId, DateTimeOffset now)
    {
        var template = new VideoTemplate(
            Guid.CreateVersion7(now), draft.Name, draft.Description, draft.AspectRatio, draft.SegmentCount, draft.SegmentSeconds,
            draft.DefaultProvider, draft.DefaultMode, draft.StylePrompt, draft.DefaultPrompts, now, draft.Language, draft.Transition, captions: draft.Captions)
        {
            OwnerId = ownerId,
        };
        return template;
    }

    /// <summary>Takes the checked draft's values. Jobs made from it keep what they copied at their creation.</summary>
    internal void Update(TemplateDraft draft, DateTimeOffset now)
    {
        Name = draft.Name;
        Description = draft.Description;
        AspectRatio = draft.AspectRatio;
        SegmentCount = draft.SegmentCount;
        SegmentSeconds = draft.SegmentSeconds;
        DefaultProvider = draft.DefaultProvider;
        DefaultMode = draft.DefaultMode;
        StylePrompt = draft.StylePrompt;
        _defaultPrompts = [.. draft.DefaultPrompts];
        Language = draft.Language;
        Transition = draft.Transition;
        Captions = draft.Captions;
        UpdatedAt = now;
    }

    /// <summary>Deleted for users; kept for the jobs that name it.</summary>
    internal void Archive(DateTimeOffset now)
    {
        IsArchived = true;
        UpdatedAt = now;
    }

    /// <summary>Total length of a video made from this template.</summary>
    public TimeSpan TotalDuration => TimeSpan.FromSeconds(SegmentCount * SegmentSeconds);

    /// <summary>The default prompt of a segment, or null.</summary>
    public string? DefaultPromptFor(int index) =>
        index >= 0 && index < _defaultPrompts.Count && !string.IsNullOrWhiteSpace(_defaultPrompts[index])
            ? _defaultPrompts[index]
            : null;
}
