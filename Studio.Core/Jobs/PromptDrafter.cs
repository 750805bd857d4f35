using Studio.Core.Templates;

namespace Studio.Core.Jobs;

/// <summary>
/// Drafts one prompt per segment from the template's default prompts, with <c>{theme}</c> filled in.
/// Slots the template leaves empty get the theme and their place in the video. The script-writer seam
/// (a later issue) replaces this as the source of storyboards.
/// </summary>
public static class PromptDrafter
{
    /// <summary>The placeholder replaced by the job's theme.</summary>
    public const string ThemePlaceholder = "{theme}";

    /// <summary>One prompt per segment of <paramref name="template"/>.</summary>
    public static IReadOnlyList<string> Draft(VideoTemplate template, string theme)
    {
        ArgumentNullException.ThrowIfNull(template);
        return [.. Enumerable.Range(0, template.SegmentCount).Select(i => DraftOne(template, theme, i))];
    }

    private static string DraftOne(VideoTemplate template, string theme, int index)
    {
        var prompt = template.DefaultPromptFor(index);
        if (prompt is not null)
        {
            return prompt.Replace(ThemePlaceholder, theme, StringComparison.OrdinalIgnoreCase);
        }

        return index == 0 ? theme : $"{theme} ({index + 1}/{template.SegmentCount})";
    }
}
