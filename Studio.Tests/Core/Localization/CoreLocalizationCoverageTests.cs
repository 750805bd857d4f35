using System.Globalization;
using Studio.Tests.Builders;

namespace Studio.Tests.Core.Localization;

/// <summary>
/// Every English message a Core class asks its localizer for (<c>L["…"]</c>) has a French translation in
/// <c>Studio.Core/Resources/&lt;folder&gt;/&lt;Class&gt;.fr.resx</c>, with the same placeholders and a format that
/// formats; no translation file or entry is left over from a class or message that is gone.
/// </summary>
public sealed class CoreLocalizationCoverageTests
{
    private static readonly string Root = E2E.StudioProcess.RepositoryRoot();
    private static readonly string Core = Path.Combine(Root, "Studio.Core");
    private static readonly string Resources = Path.Combine(Core, "Resources");
    private static readonly string Providers = Path.Combine(Root, "Studio.Providers");

    [Fact]
    public void EveryCoreMessage_HasAFrenchTranslation_WithTheSamePlaceholders()
    {
        var problems = new List<string>();
        var checkedTexts = 0;
        foreach (var (type, texts) in LocalizedTexts())
        {
            var resx = ResxOf(type);
            if (!File.Exists(resx))
            {
                problems.Add($"{type}: no {Path.GetRelativePath(Root, resx)}");
                continue;
            }

            var french = Translations.ReadResx(resx);
            foreach (var text in texts)
            {
                checkedTexts++;
                if (!french.TryGetValue(text, out var translation) || string.IsNullOrWhiteSpace(translation))
                {
                    problems.Add($"{type}: \"{text}\" has no French");
                }
                else if (!Translations.Placeholders(text).SetEquals(Translations.Placeholders(translation)))
                {
                    problems.Add($"{type}: \"{text}\" and \"{translation}\" have different placeholders");
                }
                else if (!Formats(translation, Translations.Placeholders(text).Select(p => int.Parse(p, CultureInfo.InvariantCulture)).DefaultIfEmpty(-1).Max() + 1))
                {
                    problems.Add($"{type}: \"{translation}\" is not a valid format");
                }
            }
        }

        checkedTexts.Should().BeGreaterThan(60, "the job service, the cut settings and the template editor alone ask for more");
        problems.Should().BeEmpty();
    }

    [Fact]
    public void EveryCoreClassWithMessages_AsksItsOwnLocalizer()
    {
        // The resource file is found through the localizer's type: IStringLocalizer<OtherClass> would read another file.
        // A static class (which cannot be a type argument) is given the one its callers make with typeof(ItsClass).
        var everything = string.Join('\n', CoreFiles().Select(File.ReadAllText));
        var strays = LocalizedTexts()
            .Select(x => x.Type)
            .Where(type => !File.ReadAllText(Path.Combine(Core, type + ".cs")).Contains($"IStringLocalizer<{Path.GetFileName(type)}>", StringComparison.Ordinal)
                && !everything.Contains($"localizers.Create(typeof({Path.GetFileName(type)}))", StringComparison.Ordinal));

        strays.Should().BeEmpty();
    }

    [Fact]
    public void NoCoreClass_AsksForAnInterpolatedMessage()
    {
        var offenders = CoreFiles()
            .Where(file => Translations.HasInterpolatedLookup(File.ReadAllText(file)))
            .Select(file => Path.GetRelativePath(Root, file));

        offenders.Should().BeEmpty("an interpolated text can never match a translation key: pass the values as arguments, L[\"{0} done\", n]");
    }

    [Fact]
    public void StoredSentences_AreFound_AndNoneIsInterpolated()
    {
        // The workers' failure reasons are found through StoredText.Of("…"): a template made any other way would be
        // stored untranslatable, so every call must start with its literal English.
        LocalizedTexts().Single(x => x.Type == StoredTextType).Texts
            .Should().Contain(["Segment {0} could not be made: {1}", "{0} is unavailable ({1})."]).And.HaveCountGreaterThan(12);
        var offenders = CoreFiles().Concat(SourceFiles(Providers))
            .Where(file => Translations.HasUnmatchableStoredText(File.ReadAllText(file)))
            .Select(file => Path.GetRelativePath(Root, file));

        offenders.Should().BeEmpty("a stored sentence is found by its literal English: StoredText.Of(\"{0} done\", n)");
    }

    [Fact]
    public void NoTranslation_IsLeftOver()
    {
        var asked = LocalizedTexts().ToDictionary(x => x.Type, x => x.Texts, StringComparer.Ordinal);
        var orphans = new List<string>();
        foreach (var resx in Directory.EnumerateFiles(Resources, "*.fr.resx", SearchOption.AllDirectories))
        {
            var type = Path.GetRelativePath(Resources, resx)[..^".fr.resx".Length];
            if (!asked.TryGetValue(type, out var texts))
            {
                orphans.Add($"{Path.GetRelativePath(Root, resx)}: no class Studio.Core/{type}.cs asks for messages");
                continue;
            }

            orphans.AddRange(Translations.ReadResx(resx).Keys.Where(k => !texts.Contains(k)).Select(k => $"{type}: \"{k}\" is asked by nobody"));
        }

        orphans.Should().BeEmpty("a translation whose message changed or moved is never read");
    }

    // Stored sentences (StoredText.Of("…", …)), wherever they are made, are worded through StoredText's own localizer.
    private const string StoredTextType = "Common/StoredText";

    private static IEnumerable<(string Type, HashSet<string> Texts)> LocalizedTexts()
    {
        var files = CoreFiles().Select(file => (File: file, Source: File.ReadAllText(file))).ToList();
        var own = files
            .Select(x => (Type: Path.GetRelativePath(Core, x.File)[..^".cs".Length], Texts: Translations.LookupsIn(x.Source).ToHashSet(StringComparer.Ordinal)))
            .Where(x => x.Texts.Count > 0)
            .ToList();
        // The providers' own sentences (their failures) are stored reasons too: worded by the same StoredText resources.
        var stored = files.Select(x => x.Source).Concat(SourceFiles(Providers).Select(File.ReadAllText))
            .SelectMany(Translations.StoredTextsIn).ToHashSet(StringComparer.Ordinal);
        own.Should().NotContain(x => x.Type == StoredTextType, "StoredText words the stored sentences; it asks for no text of its own");
        return stored.Count == 0 ? own : own.Append((StoredTextType, stored));
    }

    private static IEnumerable<string> CoreFiles() => SourceFiles(Core);

    private static IEnumerable<string> SourceFiles(string project) =>
        Directory.EnumerateFiles(project, "*.cs", SearchOption.AllDirectories)
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
                && !f.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
                && !f.Contains($"{Path.DirectorySeparatorChar}Migrations{Path.DirectorySeparatorChar}", StringComparison.Ordinal));

    private static string ResxOf(string type) => Path.Combine(Resources, type + ".fr.resx");

    private static bool Formats(string translation, int count)
    {
        try
        {
            _ = string.Format(CultureInfo.GetCultureInfo("fr-FR"), translation, [.. Enumerable.Repeat<object>(1, count)]);
            return true;
        }
        catch (FormatException)
        {
            return false;
        }
    }
}
