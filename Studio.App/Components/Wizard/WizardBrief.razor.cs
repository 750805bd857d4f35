using Microsoft.AspNetCore.Components;
using Studio.Core.Drafts;
using Studio.Core.Providers;
using Studio.Core.Segments;
using Studio.Core.Templates;

namespace Studio.App.Components.Wizard;

/// <summary>
/// The wizard's brief. The mode list follows the chosen provider's capabilities (hybrid when it makes more than one
/// mode); picking a provider that cannot make the chosen mode moves the mode to one it makes. A fallback provider
/// must make what the brief asks, or it is shown greyed with the reason.
/// </summary>
public sealed partial class WizardBrief
{
    /// <summary>The wizard's content. Required.</summary>
    [Parameter]
    [EditorRequired]
    public WizardDraftContent Draft { get; set; } = WizardDraftContent.Empty;

    /// <summary>The templates offered. Default none.</summary>
    [Parameter]
    public IReadOnlyList<TemplateSummary> Templates { get; set; } = [];

    /// <summary>Every provider of the catalog. Default none.</summary>
    [Parameter]
    public IReadOnlyCollection<IVideoProvider> Providers { get; set; } = [];

    /// <summary>Messages by field ("theme", "title", "template", "provider", "mode", "fallback", "voice.voice"). Default none.</summary>
    [Parameter]
    public IReadOnlyDictionary<string, string>? Errors { get; set; }

    /// <summary>Raised with the changed content.</summary>
    [Parameter]
    public EventCallback<WizardDraftContent> DraftChanged { get; set; }

    private TemplateSummary? Template => Templates.FirstOrDefault(t => t.Id == Draft.TemplateId);

    /// <summary>The provider shown: the user's pick, else the template's default.</summary>
    private string? ProviderName => Draft.Provider ?? Template?.DefaultProvider;

    private IVideoProvider? Provider => Find(ProviderName);

    private IReadOnlyList<WizardMode> Modes => WizardPlan.ModesOf(Provider);

    private IEnumerable<IVideoProvider> Ordered =>
        Providers.OrderBy(p => p.IsConfigured ? 0 : 1).ThenBy(p => p.DisplayName, StringComparer.OrdinalIgnoreCase);

    private string ModeHelp => Draft.Mode switch
    {
        WizardMode.ImageToVideo => L["Every segment animates one of your images."],
        WizardMode.VideoToVideo => L["Every segment restyles one of your clips."],
        WizardMode.Hybrid => L["You choose the mode of each segment on its card."],
        _ => L["Every segment is made from its prompt."],
    };

    private string? ErrorFor(string field) => Errors?.GetValueOrDefault(field);

    private IVideoProvider? Find(string? name) =>
        name is null ? null : Providers.FirstOrDefault(p => string.Equals(p.Name, name, StringComparison.OrdinalIgnoreCase));

    private string TemplateText(Guid? id) => Templates.FirstOrDefault(t => t.Id == id)?.Name ?? string.Empty;

    private string DisplayNameOf(string? name) => Find(name)?.DisplayName ?? name ?? string.Empty;

    private string FallbackText(string? name) => string.IsNullOrEmpty(name) ? L["None"] : DisplayNameOf(name);

    private string ModeText(WizardMode mode) => mode switch
    {
        WizardMode.ImageToVideo => L["Image to video"],
        WizardMode.VideoToVideo => L["Video to video"],
        WizardMode.Hybrid => L["Hybrid: per segment"],
        _ => L["Text to video"],
    };

    private string ModesText(IVideoProvider provider) =>
        string.Join(" · ", WizardPlan.ModesOf(provider).Where(m => m != WizardMode.Hybrid).Select(ShortMode));

    private string ShortMode(WizardMode mode) => mode switch
    {
        WizardMode.ImageToVideo => L["image"],
        WizardMode.VideoToVideo => L["video"],
        _ => L["text"],
    };

    /// <summary>Why a provider cannot be the fallback of this brief; null when it can.</summary>
    private string? FallbackWhyNot(IVideoProvider provider)
    {
        if (!provider.IsConfigured)
        {
            return L["not configured"];
        }

        var needed = Draft.Mode == WizardMode.Hybrid
            ? Provider?.Capabilities.Modes ?? new HashSet<GenerationMode>()
            : new HashSet<GenerationMode> { WizardPlan.ToGeneration(Draft.Mode) };
        return needed.All(provider.Capabilities.Modes.Contains) ? null : L["cannot make this mode"].Value;
    }

    private Task ChangeAsync(WizardDraftContent draft) =>
        DraftChanged.HasDelegate ? DraftChanged.InvokeAsync(draft) : Task.CompletedTask;

    private Task ChangeTemplateAsync(Guid? id) => ChangeAsync(Draft with { TemplateId = id });

    private Task ChangeProviderAsync(string? name)
    {
        var modes = WizardPlan.ModesOf(Find(name));
        var mode = modes.Contains(Draft.Mode) ? Draft.Mode : modes[0];
        var fallback = string.Equals(Draft.FallbackProvider, name, StringComparison.OrdinalIgnoreCase) ? null : Draft.FallbackProvider;
        return ChangeAsync(Draft with { Provider = name, Mode = mode, FallbackProvider = fallback });
    }

    private Task ChangeModeAsync(WizardMode mode) => ChangeAsync(Draft with { Mode = mode });

    private Task ChangeFallbackAsync(string? name) =>
        ChangeAsync(Draft with { FallbackProvider = string.IsNullOrEmpty(name) ? null : name });
}
