using Studio.Core.Assembly;
using Studio.Core.Scripts;
using Studio.Core.Segments;
using Studio.Core.Templates;

namespace Studio.App.Components.Templates;

/// <summary>
/// The template editor's view state: what the fields show, before <see cref="TemplateEditor"/> checks it. The prompts
/// keep what was typed beyond the segment count, so shrinking the count and growing it back loses nothing; only the
/// first <see cref="SegmentCount"/> are saved.
/// </summary>
public sealed class TemplateForm
{
    private readonly List<string> _prompts = [];

    /// <summary>Name.</summary>
    public string Name { get; set; } = string.Empty;

    /// <summary>Description.</summary>
    public string Description { get; set; } = string.Empty;

    /// <summary>Frame shape. Default 9:16.</summary>
    public AspectRatio AspectRatio { get; set; } = AspectRatio.Portrait9x16;

    /// <summary>Segments; null while the field is empty. Default 6.</summary>
    public int? SegmentCount { get; set; } = 6;

    /// <summary>Seconds per segment; null while the field is empty. Default 5.</summary>
    public int? SegmentSeconds { get; set; } = 5;

    /// <summary>Default provider's name. Default "local".</summary>
    public string Provider { get; set; } = "local";

    /// <summary>Default mode. Default text-to-video.</summary>
    public GenerationMode Mode { get; set; } = GenerationMode.TextToVideo;

    /// <summary>Style words.</summary>
    public string StylePrompt { get; set; } = string.Empty;

    /// <summary>Narration language. Default "en".</summary>
    public string Language { get; set; } = NarrationLanguages.English;

    /// <summary>Transition. Default cut.</summary>
    public TransitionStyle Transition { get; set; } = TransitionStyle.Cut;

    /// <summary>Captions on by default. Default false.</summary>
    public bool Captions { get; set; }

    /// <summary>How many prompt fields are shown: the segment count, within what a template allows.</summary>
    public int VisiblePromptCount => Math.Clamp(SegmentCount ?? 0, 0, TemplateEditor.MaxSegments);

    /// <summary>The prompts shown, one per segment.</summary>
    public IReadOnlyList<string> Prompts => [.. Enumerable.Range(0, VisiblePromptCount).Select(PromptAt)];

    /// <summary>The form filled from a template's values.</summary>
    public static TemplateForm From(VideoTemplate template)
    {
        ArgumentNullException.ThrowIfNull(template);
        var form = new TemplateForm
        {
            Name = template.Name,
            Description = template.Description,
            AspectRatio = template.AspectRatio,
            SegmentCount = template.SegmentCount,
            SegmentSeconds = template.SegmentSeconds,
            Provider = template.DefaultProvider,
            Mode = template.DefaultMode,
            StylePrompt = template.StylePrompt,
            Language = template.Language,
            Transition = template.Transition,
            Captions = template.Captions,
        };
        form._prompts.AddRange(template.DefaultPrompts);
        return form;
    }

    /// <summary>The prompt of segment <paramref name="index"/>; empty when none was typed.</summary>
    public string PromptAt(int index) => index >= 0 && index < _prompts.Count ? _prompts[index] : string.Empty;

    /// <summary>Sets the prompt of segment <paramref name="index"/>.</summary>
    public void SetPrompt(int index, string? prompt)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(index);
        while (_prompts.Count <= index)
        {
            _prompts.Add(string.Empty);
        }

        _prompts[index] = prompt ?? string.Empty;
    }

    /// <summary>What the editor checks and saves: the shown prompts only.</summary>
    public TemplateInput ToInput() => new(
        Name,
        Description,
        AspectRatio.ToDisplay(),
        SegmentCount,
        SegmentSeconds,
        Provider,
        Mode.ToString(),
        StylePrompt,
        [.. Prompts],
        Language,
        Transition.ToString().ToLowerInvariant(),
        Captions);
}
