using Studio.Core.Assembly;
using Studio.Core.Segments;

namespace Studio.Core.Templates;

/// <summary>A template's values, checked (<see cref="TemplateEditor"/>), ready to be stored.</summary>
internal sealed record TemplateDraft(
    string Name,
    string Description,
    AspectRatio AspectRatio,
    int SegmentCount,
    int SegmentSeconds,
    string DefaultProvider,
    GenerationMode DefaultMode,
    string StylePrompt,
    IReadOnlyList<string> DefaultPrompts,
    string Language,
    TransitionStyle Transition,
    bool Captions);
