using Studio.Core.Providers;
using Studio.Core.Segments;
using Studio.Core.Templates;

namespace Studio.Core.Jobs;

/// <summary>A checked job command: what making (or pricing) its job needs. Null prompts and narrations are left for the script writer.</summary>
internal sealed record JobBrief(
    VideoTemplate Template,
    IVideoProvider Provider,
    GenerationMode Mode,
    List<string> Fallback,
    CutSettings Cut,
    List<string?> Prompts,
    List<string?> Narrations,
    string Title,
    string Theme)
{
    public void Deconstruct(out VideoTemplate template, out IVideoProvider provider, out GenerationMode mode, out List<string> fallback, out CutSettings cut, out List<string?> prompts, out List<string?> narrations)
    {
        template = Template;
        provider = Provider;
        mode = Mode;
        fallback = Fallback;
        cut = Cut;
        prompts = Prompts;
        narrations = Narrations;
    }
}
