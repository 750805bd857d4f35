using System.Globalization;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Localization;
using Studio.App.Components.Layout;
using Studio.Tests.Builders;

namespace Studio.Tests.App;

/// <summary>
/// Every English text a component asks its localizer for (<c>L["…"]</c>) has a French translation in the resource
/// file that mirrors the component's path, with the same placeholders; and the resource files reach the running app.
/// </summary>
public sealed class LocalizationCoverageTests
{
    private static readonly string Root = E2E.StudioProcess.RepositoryRoot();
    private static readonly string[] LocalizedFolders = ["Components", "Features", "Hosting"];

    [Fact]
    public void EveryLocalizedText_HasAFrenchTranslation_WithTheSamePlaceholders()
    {
        var problems = new List<string>();
        var checkedTexts = 0;
        foreach (var (component, texts) in LocalizedTexts())
        {
            var resx = Path.Combine(Root, "Studio.App", "Resources", component + ".fr.resx");
            if (!File.Exists(resx))
            {
                problems.Add($"{component}: no {Path.GetRelativePath(Root, resx)}");
                continue;
            }

            var french = Translations.ReadResx(resx);
            foreach (var text in texts)
            {
                checkedTexts++;
                if (!french.TryGetValue(text, out var translation) || string.IsNullOrWhiteSpace(translation))
                {
                    problems.Add($"{component}: \"{text}\" has no French");
                }
                else if (!Translations.Placeholders(text).SetEquals(Translations.Placeholders(translation)))
                {
                    problems.Add($"{component}: \"{text}\" and \"{translation}\" have different placeholders");
                }
            }
        }

        checkedTexts.Should().BeGreaterThan(20, "the layout and sign-in page alone hold more texts than that");
        problems.Should().BeEmpty();
    }

    [Fact]
    public void NoComponent_AsksForAnInterpolatedText()
    {
        var offenders = ComponentFiles()
            .Where(file => Translations.HasInterpolatedLookup(File.ReadAllText(file)))
            .Select(file => Path.GetRelativePath(Root, file));

        offenders.Should().BeEmpty("an interpolated text can never match a translation key: pass the values as arguments, L[\"{0} done\", n]");
    }

    [Fact]
    public void EveryResourceFile_ServesAComponentThatExists()
    {
        var resources = Path.Combine(Root, "Studio.App", "Resources");
        var orphans = Directory.EnumerateFiles(resources, "*.fr.resx", SearchOption.AllDirectories)
            .Select(file => Path.GetRelativePath(resources, file)[..^".fr.resx".Length])
            .Where(component => !File.Exists(Path.Combine(Root, "Studio.App", component + ".razor"))
                && !File.Exists(Path.Combine(Root, "Studio.App", component + ".cs")));

        orphans.Should().BeEmpty("a translation file whose component moved or was renamed is never read");
    }

    [Fact]
    public void TheRunningApp_FindsTheFrenchTexts()
    {
        var services = new ServiceCollection().AddLogging().AddLocalization(o => o.ResourcesPath = "Resources").BuildServiceProvider();
        var localizer = services.GetRequiredService<IStringLocalizer<MainLayout>>();
        var before = CultureInfo.CurrentUICulture;
        try
        {
            CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo("fr-FR");
            localizer["My videos"].Value.Should().Be("Mes vidéos");
            CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo("en");
            localizer["My videos"].Value.Should().Be("My videos");
        }
        finally
        {
            CultureInfo.CurrentUICulture = before;
        }
    }

    private static IEnumerable<(string Component, HashSet<string> Texts)> LocalizedTexts() =>
        ComponentFiles()
            .Select(file => (Component: ComponentOf(file), Texts: Translations.LookupsIn(File.ReadAllText(file))))
            .GroupBy(x => x.Component)
            .Select(g => (g.Key, g.SelectMany(x => x.Texts).ToHashSet(StringComparer.Ordinal)))
            .Where(x => x.Item2.Count > 0);

    // The pages and parts, and the API's own answers (Features/*, Hosting/*: field messages, refusals), which speak the caller's language too.
    private static IEnumerable<string> ComponentFiles() =>
        LocalizedFolders
            .SelectMany(folder => Directory.EnumerateFiles(Path.Combine(Root, "Studio.App", folder), "*.*", SearchOption.AllDirectories))
            .Where(f => f.EndsWith(".razor", StringComparison.Ordinal) || f.EndsWith(".cs", StringComparison.Ordinal));

    // Components/Pages/Dashboard.razor and Components/Pages/Dashboard.razor.cs are both "Components/Pages/Dashboard".
    private static string ComponentOf(string file)
    {
        var relative = Path.GetRelativePath(Path.Combine(Root, "Studio.App"), file);
        foreach (var suffix in new[] { ".razor.cs", ".razor", ".cs" })
        {
            if (relative.EndsWith(suffix, StringComparison.Ordinal))
            {
                return relative[..^suffix.Length];
            }
        }

        return relative;
    }
}
