using System.Text.RegularExpressions;
using System.Xml.Linq;

namespace Studio.Tests.Builders;

/// <summary>
/// Reads what the coverage tests compare: the English texts a source file asks its localizer for (<c>L["…"]</c>) and
/// the French of a <c>.fr.resx</c> file, with the <c>{0}</c> placeholders of either.
/// </summary>
public static partial class Translations
{
    /// <summary>The texts <paramref name="source"/> asks its localizer for, unescaped.</summary>
    public static IEnumerable<string> LookupsIn(string source) =>
        Lookup().Matches(source).Select(m => m.Groups[1].Value.Replace("\\\"", "\"", StringComparison.Ordinal).Replace("\\\\", "\\", StringComparison.Ordinal));

    /// <summary>
    /// The stored sentences <paramref name="source"/> makes (<c>StoredText.Of("…", …)</c>), unescaped: they are worded when
    /// read, through the French of <c>Resources/Common/StoredText.fr.resx</c>.
    /// </summary>
    public static IEnumerable<string> StoredTextsIn(string source) =>
        StoredTextOf().Matches(source).Select(m => m.Groups[1].Value.Replace("\\\"", "\"", StringComparison.Ordinal).Replace("\\\\", "\\", StringComparison.Ordinal));

    /// <summary>Whether <paramref name="source"/> makes a stored sentence from an interpolated or computed template, which no translation can match.</summary>
    public static bool HasUnmatchableStoredText(string source) =>
        StoredTextOfAnything().Count(source) > StoredTextOf().Count(source);

    /// <summary>Whether <paramref name="source"/> asks for an interpolated text (<c>L[$"…"]</c>), which no translation can match.</summary>
    public static bool HasInterpolatedLookup(string source) => InterpolatedLookup().IsMatch(source);

    /// <summary>A resource file's entries: English key to French value.</summary>
    public static Dictionary<string, string> ReadResx(string path) =>
        XDocument.Load(path).Root!.Elements("data")
            .ToDictionary(d => (string)d.Attribute("name")!, d => (string?)d.Element("value") ?? string.Empty, StringComparer.Ordinal);

    /// <summary>The numbers of the placeholders in <paramref name="text"/> ("0", "1", …).</summary>
    public static HashSet<string> Placeholders(string text) =>
        Placeholder().Matches(text).Select(m => m.Groups[1].Value).ToHashSet(StringComparer.Ordinal);

    [GeneratedRegex("""\bL\["((?:[^"\\]|\\.)*)"[\],]""")]
    private static partial Regex Lookup();

    [GeneratedRegex("""\bStoredText\.Of\(\s*"((?:[^"\\]|\\.)*)"[,)]""")]
    private static partial Regex StoredTextOf();

    [GeneratedRegex("""\bStoredText\.Of\(""")]
    private static partial Regex StoredTextOfAnything();

    [GeneratedRegex("""\bL\[\$""")]
    private static partial Regex InterpolatedLookup();

    [GeneratedRegex(@"\{(\d+)(?:[,:][^}]*)?\}")]
    private static partial Regex Placeholder();
}
