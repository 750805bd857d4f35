using System.Text.Json.Serialization;

namespace Studio.Core.Templates;

/// <summary>
/// What a user sends to create or change a template; every value is checked by <see cref="TemplateEditor"/>. A member
/// it does not know is refused (400), so a misspelt setting is never silently ignored.
/// </summary>
/// <param name="Name">Unique among the templates in use, 1–80 characters.</param>
/// <param name="Description">Up to 500 characters.</param>
/// <param name="AspectRatio">"9:16", "16:9", "1:1" or "4:5".</param>
/// <param name="SegmentCount">1 to <see cref="TemplateEditor.MaxSegments"/>.</param>
/// <param name="SegmentSeconds">2 to <see cref="TemplateEditor.MaxSegmentSeconds"/>.</param>
/// <param name="DefaultProvider">A provider of this server that can make the template.</param>
/// <param name="DefaultMode">TextToVideo (default), ImageToVideo or VideoToVideo.</param>
/// <param name="StylePrompt">Style words added to every prompt, up to 500 characters.</param>
/// <param name="DefaultPrompts">Up to one prompt per segment.</param>
/// <param name="Language">"en" (default) or "fr".</param>
/// <param name="Transition">"cut" (default), "crossfade" or "fade".</param>
/// <param name="Captions">True when its jobs burn in captions by default; null or false: off.</param>
[JsonUnmappedMemberHandling(JsonUnmappedMemberHandling.Disallow)]
public sealed record TemplateInput(
    string? Name,
    string? Description,
    string? AspectRatio,
    int? SegmentCount,
    int? SegmentSeconds,
    string? DefaultProvider,
    string? DefaultMode = null,
    string? StylePrompt = null,
    IReadOnlyList<string?>? DefaultPrompts = null,
    string? Language = null,
    string? Transition = null,
    bool? Captions = null)
{
    /// <summary>The values of <paramref name="template"/> as an editor starts from them.</summary>
    public static TemplateInput From(VideoTemplate template)
    {
        ArgumentNullException.ThrowIfNull(template);
        return new(
            template.Name, template.Description, template.AspectRatio.ToDisplay(), template.SegmentCount, template.SegmentSeconds,
            template.DefaultProvider, template.DefaultMode.ToString(), template.StylePrompt, [.. template.DefaultPrompts],
            template.Language, template.Transition.ToString().ToLowerInvariant(), template.Captions);
    }
}
