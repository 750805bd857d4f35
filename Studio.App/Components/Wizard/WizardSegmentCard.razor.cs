using System.Globalization;
using Microsoft.AspNetCore.Components;
using Studio.Core.Assets;
using Studio.Core.Drafts;
using Studio.Core.Segments;

namespace Studio.App.Components.Wizard;

/// <summary>
/// One storyboard card. Image- and video-to-video cards hold an asset: dropped onto the card's drop zone (given by the
/// storyboard) or picked from the user's library; the chosen one is shown with its thumbnail and can be removed.
/// </summary>
public sealed partial class WizardSegmentCard
{
    /// <summary>The segment, from 0. Default 0.</summary>
    [Parameter]
    public int Index { get; set; }

    /// <summary>The card's content. Required.</summary>
    [Parameter]
    [EditorRequired]
    public WizardDraftSegment Segment { get; set; } = new(string.Empty, string.Empty);

    /// <summary>The mode the card uses. Default text-to-video.</summary>
    [Parameter]
    public GenerationMode Mode { get; set; }

    /// <summary>The modes the card may choose among (hybrid only; one or none: no choice shown). Default none.</summary>
    [Parameter]
    public IReadOnlyList<GenerationMode> ModeChoices { get; set; } = [];

    /// <summary>The segment's length in seconds. Default 5.</summary>
    [Parameter]
    public int Seconds { get; set; } = 5;

    /// <summary>Longest prompt the provider takes. Default 1000.</summary>
    [Parameter]
    public int PromptLimit { get; set; } = 1000;

    /// <summary>Longest narration line for the segment's length. Default 70.</summary>
    [Parameter]
    public int NarrationLimit { get; set; } = 70;

    /// <summary>The user's library. Default none.</summary>
    [Parameter]
    public IReadOnlyList<Asset> Library { get; set; } = [];

    /// <summary>What the card still needs, in words; null when complete. Default null.</summary>
    [Parameter]
    public string? Error { get; set; }

    /// <summary>True before the page is interactive. Default false.</summary>
    [Parameter]
    public bool Disabled { get; set; }

    /// <summary>The drop zone to show for an asset of the given kind; null for none. Default null.</summary>
    [Parameter]
    public RenderFragment<AssetKind>? DropZone { get; set; }

    /// <summary>Raised with the card as changed.</summary>
    [Parameter]
    public EventCallback<WizardSegmentEdit> Changed { get; set; }

    private AssetKind? Kind => WizardPlan.KindFor(Mode);

    private Asset? Chosen => Segment.AssetId is { } id ? Library.FirstOrDefault(a => a.Id == id && a.Kind == Kind) : null;

    private IReadOnlyList<Asset> Choices => [.. Library.Where(a => a.Kind == Kind)];

    private string ModeText(GenerationMode mode) => mode switch
    {
        GenerationMode.ImageToVideo => L["Image to video"],
        GenerationMode.VideoToVideo => L["Video to video"],
        _ => L["Text to video"],
    };

    private string AssetText(Guid? id) => Library.FirstOrDefault(a => a.Id == id)?.OriginalFileName ?? string.Empty;

    private static string SizeText(long bytes) => bytes switch
    {
        < 1024 => string.Format(CultureInfo.CurrentCulture, "{0} B", bytes),
        < 1024 * 1024 => string.Format(CultureInfo.CurrentCulture, "{0:0.#} KB", bytes / 1024d),
        _ => string.Format(CultureInfo.CurrentCulture, "{0:0.#} MB", bytes / (1024d * 1024d)),
    };

    private Task ChangeAsync(WizardDraftSegment segment) =>
        Changed.HasDelegate ? Changed.InvokeAsync(new WizardSegmentEdit(Index, segment)) : Task.CompletedTask;

    // The asset that matches no longer fits the new mode: it is dropped rather than silently sent.
    private Task ChangeModeAsync(GenerationMode mode) =>
        ChangeAsync(Segment with { Mode = mode, AssetId = WizardPlan.KindFor(mode) == Kind ? Segment.AssetId : null });

    private Task ChangeAssetAsync(Guid? id) => ChangeAsync(Segment with { AssetId = id });
}
