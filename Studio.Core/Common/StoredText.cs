using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.Extensions.Localization;

namespace Studio.Core.Common;

/// <summary>
/// A sentence for a user that is stored (a job's or a segment's failure reason) and worded when it is read, in the
/// reader's language: the English template (also the key of its French in <c>Resources/Common/StoredText.fr.resx</c>)
/// and its arguments. An argument that is itself one of our sentences is a nested <see cref="StoredText"/>, worded too;
/// words that are not ours (a provider's error) are kept <see cref="Verbatim"/>. Stored as JSON beside the English
/// sentence, which stays for logs, old rows and clients that read it.
/// </summary>
/// <param name="Template">The English composite format, e.g. "Segment {0} could not be made: {1}"; null for verbatim words.</param>
/// <param name="Words">The words kept as written when <paramref name="Template"/> is null; null otherwise.</param>
/// <param name="Arguments">The template's arguments, in order. Default none.</param>
public sealed record StoredText(
    [property: JsonPropertyName("t")] string? Template,
    [property: JsonPropertyName("w")] string? Words,
    [property: JsonPropertyName("a")] IReadOnlyList<StoredTextArgument>? Arguments = null)
{
    private static readonly JsonSerializerOptions Json = new() { DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull };

    /// <summary>True for words kept as written (a provider's own error text).</summary>
    [JsonIgnore]
    public bool IsVerbatim => Template is null;

    /// <summary>
    /// One of our sentences: <paramref name="template"/> is the English text with <c>{0}</c> placeholders (never
    /// interpolated; the coverage test finds its French through this call), <paramref name="arguments"/> its values:
    /// numbers stay numbers (formatted in the reader's culture), <see cref="StoredText"/> values are nested sentences,
    /// anything else is kept as its invariant text.
    /// </summary>
    public static StoredText Of(string template, params object?[] arguments)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(template);
        ArgumentNullException.ThrowIfNull(arguments);
        return new(template, null, [.. arguments.Select(StoredTextArgument.From)]);
    }

    /// <summary>
    /// A list for a sentence, joined in the reader's language: "a", "a and b", "a, b and c"… Each item goes in as a
    /// <see cref="Of"/> argument would (a <see cref="StoredText"/> is worded, a name is kept as written). Built by
    /// nesting two templates, so French gets its own "et". An empty list is empty words.
    /// </summary>
    public static StoredText List(IEnumerable<object> items)
    {
        ArgumentNullException.ThrowIfNull(items);
        var all = items.ToList();
        return all.Count switch
        {
            0 => Verbatim(string.Empty),
            1 => all[0] as StoredText ?? StoredText.Of("{0}", all[0]),
            _ => Join(all),
        };

        static StoredText Join(List<object> all)
        {
            // The last two are joined by "and", every earlier one by a comma: a, (b, (c and d)).
            var text = StoredText.Of("{0} and {1}", all[^2], all[^1]);
            for (var i = all.Count - 3; i >= 0; i--)
            {
                text = StoredText.Of("{0}, {1}", all[i], text);
            }

            return text;
        }
    }

    /// <summary>Words that are not ours (a provider's error, an exception's message), shown as written in every language.</summary>
    public static StoredText Verbatim(string words) => new(null, words ?? string.Empty);

    /// <summary>The sentence read back from its stored JSON; falls back to the stored English (old rows have no JSON).</summary>
    public static StoredText? Read(string? json, string? english)
    {
        if (!string.IsNullOrEmpty(json))
        {
            try
            {
                if (JsonSerializer.Deserialize<StoredText>(json, Json) is { } text && (text.Template is not null || text.Words is not null))
                {
                    return text;
                }
            }
            catch (JsonException)
            {
                // A damaged value: the stored English is still there.
            }
        }

        return english is null ? null : Verbatim(english);
    }

    /// <summary>The stored JSON; null for verbatim words, which the English column already holds as written.</summary>
    public string? ToJson() => IsVerbatim ? null : JsonSerializer.Serialize(this, Json);

    /// <summary>The sentence in English (the invariant culture's digits): what the English column, logs and old clients read.</summary>
    public string English => Format(CultureInfo.InvariantCulture, Template, a => a.English);

    /// <summary>The sentence in the current UI culture's language, numbers in the current culture's digits.</summary>
    public string Word(IStringLocalizer<StoredText> L)
    {
        ArgumentNullException.ThrowIfNull(L);
        if (IsVerbatim)
        {
            return Words ?? string.Empty;
        }

        var translated = L[Template!];
        return Format(CultureInfo.CurrentCulture, translated.ResourceNotFound ? Template : translated.Value, a => a.Word(L));
    }

    /// <summary>What a reader sees of a stored reason: the worded sentence when its JSON is stored, else the stored text as stored.</summary>
    public static string? Show(string? json, string? english, IStringLocalizer<StoredText> L) => Read(json, english)?.Word(L);

    private string Format(IFormatProvider culture, string? format, Func<StoredTextArgument, object> value)
    {
        if (format is null)
        {
            return Words ?? string.Empty;
        }

        var values = (Arguments ?? []).Select(value).ToArray();
        try
        {
            return string.Format(culture, format, values);
        }
        catch (FormatException)
        {
            // A translation that does not fit its arguments must never hide the reason: the English template with them.
            return string.Format(CultureInfo.InvariantCulture, Template ?? string.Empty, values);
        }
    }
}
