using System.Globalization;
using Studio.Core.Templates;

namespace Studio.Core.Scripts;

/// <summary>
/// The default script writer: no network, the same storyboard for the same input. Visual prompts come from the
/// template's default prompts with <c>{theme}</c> filled in (slots without one get the theme and their place);
/// narration follows the template's structure — a hook over the first segment, one point per middle segment, a call
/// to action over the last — in English or French, each line within <see cref="NarrationBudget"/>.
/// </summary>
public sealed class OfflineScriptWriter : IScriptWriter
{
    /// <summary>The placeholder replaced by the job's theme in template prompts.</summary>
    public const string ThemePlaceholder = "{theme}";

    private static readonly string[] EnglishPoints =
    [
        "Why it matters: {theme}.",
        "First, start simple.",
        "Next, build on what works.",
        "Then, share what you learn.",
        "Keep a steady rhythm.",
        "Measure what changes.",
        "Learn from each try.",
    ];

    private static readonly string[] FrenchPoints =
    [
        "Pourquoi c'est important : {theme}.",
        "D'abord, commencez simplement.",
        "Ensuite, appuyez-vous sur ce qui marche.",
        "Puis, partagez ce que vous apprenez.",
        "Gardez un rythme régulier.",
        "Mesurez ce qui change.",
        "Apprenez de chaque essai.",
    ];

    /// <inheritdoc />
    public Task<Storyboard> WriteAsync(ScriptRequest request, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(request);
        return Task.FromResult(Write(request.Template, request.Theme, request.Language));
    }

    /// <summary>The storyboard, synchronously (the offline writer never waits).</summary>
    public static Storyboard Write(VideoTemplate template, string theme, string language)
    {
        ArgumentNullException.ThrowIfNull(template);
        ArgumentNullException.ThrowIfNull(theme);
        var french = NarrationLanguages.Normalize(language) == NarrationLanguages.French;
        var budget = NarrationBudget.MaxCharacters(template.SegmentSeconds);
        var count = template.SegmentCount;
        var scenes = Enumerable.Range(0, count)
            .Select(i => new StoryboardScene(Prompt(template, theme, i), Narration(template, theme, i, french, budget)))
            .ToList();
        return new Storyboard(scenes[0].Narration, scenes, scenes[^1].Narration);
    }

    /// <summary>The visual prompt of one slot: the template's default with the theme filled in, or the theme and its place.</summary>
    public static string Prompt(VideoTemplate template, string theme, int index)
    {
        ArgumentNullException.ThrowIfNull(template);
        var prompt = template.DefaultPromptFor(index);
        if (prompt is not null)
        {
            return prompt.Replace(ThemePlaceholder, theme, StringComparison.OrdinalIgnoreCase);
        }

        return index == 0 ? theme : string.Create(CultureInfo.InvariantCulture, $"{theme} ({index + 1}/{template.SegmentCount})");
    }

    private static string Narration(VideoTemplate template, string theme, int index, bool french, int budget)
    {
        var last = template.SegmentCount - 1;
        string pattern;
        if (index == 0)
        {
            pattern = french ? "{theme} : voici l'essentiel." : "{theme}: here is what you need to know.";
        }
        else if (index == last)
        {
            pattern = french ? "Abonnez-vous pour en savoir plus !" : CallToAction(template, index);
        }
        else if (!french && PointFromTemplate(template, index) is { } point)
        {
            pattern = point;
        }
        else
        {
            var points = french ? FrenchPoints : EnglishPoints;
            pattern = index - 1 < points.Length
                ? points[index - 1]
                : french
                    ? string.Create(CultureInfo.InvariantCulture, $"Point {index} : allez plus loin.")
                    : string.Create(CultureInfo.InvariantCulture, $"Point {index}: keep going.");
        }

        return Fill(pattern, theme, budget);
    }

    /// <summary>A middle slot's default prompt read as a spoken point ("Point one: start simple" → "Point one: start simple.").</summary>
    private static string? PointFromTemplate(VideoTemplate template, int index)
    {
        var prompt = template.DefaultPromptFor(index)?.Trim();
        return string.IsNullOrEmpty(prompt) || prompt.Equals(ThemePlaceholder, StringComparison.OrdinalIgnoreCase) ? null : EndSentence(prompt);
    }

    private static string CallToAction(VideoTemplate template, int index) =>
        PointFromTemplate(template, index) ?? "Follow for more tips like these!";

    /// <summary>Puts the theme into the pattern, shortened at a word so the line stays within the budget.</summary>
    private static string Fill(string pattern, string theme, int budget)
    {
        if (!pattern.Contains(ThemePlaceholder, StringComparison.OrdinalIgnoreCase))
        {
            return Shorten(pattern, budget);
        }

        var room = Math.Max(8, budget - (pattern.Length - ThemePlaceholder.Length));
        var cleanTheme = theme.Trim().TrimEnd('.', '!', '?', ':', ';', ',');
        return Shorten(pattern.Replace(ThemePlaceholder, Shorten(cleanTheme, room), StringComparison.OrdinalIgnoreCase), budget);
    }

    private static string EndSentence(string text) => text.EndsWith('.') || text.EndsWith('!') || text.EndsWith('?') ? text : text + ".";

    /// <summary>Cuts text at the last word boundary that keeps it within <paramref name="max"/> characters (with an ellipsis).</summary>
    internal static string Shorten(string text, int max)
    {
        if (text.Length <= max)
        {
            return text;
        }

        var cut = text[..Math.Max(1, max - 1)];
        var space = cut.LastIndexOf(' ');
        return (space > max / 3 ? cut[..space] : cut).TrimEnd(' ', ',', ';', ':') + "…";
    }
}
