using Studio.Core.Templates;

namespace Studio.App.Features.Templates;

/// <summary>A template with everything the editor shows.</summary>
/// <param name="Id">Identifier.</param>
/// <param name="Name">Unique name.</param>
/// <param name="Description">What it is for.</param>
/// <param name="AspectRatio">"9:16", "16:9", "1:1" or "4:5".</param>
/// <param name="SegmentCount">Segments.</param>
/// <param name="SegmentSeconds">Seconds per segment.</param>
/// <param name="TotalSeconds">Length of a video made from it.</param>
/// <param name="DefaultProvider">The provider offered first.</param>
/// <param name="DefaultMode">The mode offered first.</param>
/// <param name="StylePrompt">Style words added to every prompt.</param>
/// <param name="DefaultPrompts">Prompts offered per segment.</param>
/// <param name="Language">Narration language, "en" or "fr".</param>
/// <param name="Transition">"cut", "crossfade" or "fade".</param>
/// <param name="BuiltIn">True for the templates Studio ships (only admins change them).</param>
/// <param name="Editable">True when the caller may change or delete it.</param>
/// <param name="CreatedAt">When it was made.</param>
/// <param name="UpdatedAt">When it last changed.</param>
/// <param name="Captions">True when its jobs burn in captions by default.</param>
public sealed record TemplateDetailResponse(
    Guid Id,
    string Name,
    string Description,
    string AspectRatio,
    int SegmentCount,
    int SegmentSeconds,
    int TotalSeconds,
    string DefaultProvider,
    string DefaultMode,
    string StylePrompt,
    IReadOnlyList<string> DefaultPrompts,
    string Language,
    string Transition,
    bool BuiltIn,
    bool Editable,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt,
    bool Captions)
{
    /// <summary>The API's shape of a template, as <paramref name="userId"/> sees it.</summary>
    public static TemplateDetailResponse From(VideoTemplate t, string userId, bool isAdmin)
    {
        ArgumentNullException.ThrowIfNull(t);
        return new(
            t.Id, t.Name, t.Description, t.AspectRatio.ToDisplay(), t.SegmentCount, t.SegmentSeconds, t.SegmentCount * t.SegmentSeconds,
            t.DefaultProvider, t.DefaultMode.ToString(), t.StylePrompt, t.DefaultPrompts, t.Language, t.Transition.ToString().ToLowerInvariant(),
            t.OwnerId is null, isAdmin || (t.OwnerId is not null && t.OwnerId == userId), t.CreatedAt, t.UpdatedAt, t.Captions);
    }
}
