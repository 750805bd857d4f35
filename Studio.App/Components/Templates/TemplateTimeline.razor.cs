using System.Globalization;
using Microsoft.AspNetCore.Components;
using Studio.Core.Assembly;
using Studio.Core.Templates;

namespace Studio.App.Components.Templates;

/// <summary>
/// Draws a template's timeline from the values being typed: a ruler in seconds, one block per segment (its number and
/// the start of its prompt), a marker at each transition, and the frame shape. Values out of range draw an invitation
/// instead of a broken timeline.
/// </summary>
public sealed partial class TemplateTimeline
{
    private const int ExcerptLength = 48;

    /// <summary>Segment count as typed; null while empty. Default null.</summary>
    [Parameter]
    public int? SegmentCount { get; set; }

    /// <summary>Seconds per segment as typed; null while empty. Default null.</summary>
    [Parameter]
    public int? SegmentSeconds { get; set; }

    /// <summary>The default prompt per segment (may be shorter than the count). Default none.</summary>
    [Parameter]
    public IReadOnlyList<string> Prompts { get; set; } = [];

    /// <summary>How segments give way to each other. Default cut.</summary>
    [Parameter]
    public TransitionStyle Transition { get; set; }

    /// <summary>The frame shape. Default 9:16.</summary>
    [Parameter]
    public AspectRatio AspectRatio { get; set; }

    /// <summary>True when captions are on. Default false.</summary>
    [Parameter]
    public bool Captions { get; set; }

    private bool IsDrawable =>
        SegmentCount is >= 1 and <= TemplateEditor.MaxSegments
        && SegmentSeconds is >= TemplateEditor.MinSegmentSeconds and <= TemplateEditor.MaxSegmentSeconds;

    private int Count => SegmentCount ?? 0;

    private int SecondsEach => SegmentSeconds ?? 0;

    private int Total => Count * SecondsEach;

    // Labels every 1, 5, 10 or 30 s so a label never crowds the next; minor ticks every second up to a minute.
    private int MajorStep => Total switch
    {
        <= 12 => 1,
        <= 60 => 5,
        <= 180 => 10,
        _ => 30,
    };

    private int MinorStep => Total <= 90 ? 1 : MajorStep / 2;

    private IEnumerable<int> Marks => Enumerable.Range(0, (Total / MinorStep) + 1).Select(i => i * MinorStep).Where(s => s <= Total);

    // Each segment keeps room for its number and a few words on a phone: the track scrolls sideways past that.
    private string TrackStyle => string.Create(CultureInfo.InvariantCulture, $"min-width: {Count * 72}px");

    private string RatioClass => AspectRatio switch
    {
        AspectRatio.Landscape16x9 => "ratio-16x9",
        AspectRatio.Square1x1 => "ratio-1x1",
        AspectRatio.Portrait4x5 => "ratio-4x5",
        _ => "ratio-9x16",
    };

    private string TransitionClass => Transition switch
    {
        TransitionStyle.Crossfade => "crossfade",
        TransitionStyle.Fade => "fade",
        _ => "cut",
    };

    private string TransitionName => Transition switch
    {
        TransitionStyle.Crossfade => L["Crossfade"],
        TransitionStyle.Fade => L["Fade through black"],
        _ => L["Hard cut"],
    };

    private string Left(int second) => string.Create(CultureInfo.InvariantCulture, $"left: {Percent(second):0.###}%");

    private string Span(int index) =>
        string.Create(CultureInfo.InvariantCulture, $"left: {Percent(index * SecondsEach):0.###}%; width: {Percent(SecondsEach):0.###}%");

    private double Percent(int seconds) => Total == 0 ? 0 : seconds * 100.0 / Total;

    private string PromptOf(int index) => index < Prompts.Count ? Prompts[index].Trim() : string.Empty;

    private static string Excerpt(string prompt) => prompt.Length <= ExcerptLength ? prompt : prompt[..ExcerptLength].TrimEnd() + "…";
}
