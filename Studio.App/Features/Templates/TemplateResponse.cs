using Studio.Core.Templates;

namespace Studio.App.Features.Templates;

/// <summary>A template as the API shows it.</summary>
public sealed record TemplateResponse(Guid Id, string Name, string Description, string AspectRatio, int SegmentCount, int SegmentSeconds, string DefaultProvider, string Language, string Transition)
{
    public static TemplateResponse From(TemplateSummary t) =>
        new(t.Id, t.Name, t.Description, t.AspectRatio.ToDisplay(), t.SegmentCount, t.SegmentSeconds, t.DefaultProvider, t.Language, t.Transition.ToString().ToLowerInvariant());
}
