using System.Globalization;
using System.Text.Json.Serialization;
using Microsoft.Extensions.Localization;

namespace Studio.Core.Common;

/// <summary>One argument of a <see cref="StoredText"/>: exactly one of text (a name, a provider's words), number or nested sentence.</summary>
/// <param name="Text">Kept as written in every language.</param>
/// <param name="Number">Formatted in the reader's culture (with the template's format, e.g. <c>{0:0.00##}</c>).</param>
/// <param name="Message">One of our sentences, worded in the reader's language.</param>
public sealed record StoredTextArgument(
    [property: JsonPropertyName("s")] string? Text = null,
    [property: JsonPropertyName("n")] decimal? Number = null,
    [property: JsonPropertyName("m")] StoredText? Message = null)
{
    /// <summary>The argument for a value given to <see cref="StoredText.Of"/>.</summary>
    public static StoredTextArgument From(object? value) => value switch
    {
        StoredText message => new(Message: message),
        string text => new(Text: text),
        int or long or short or byte or decimal => new(Number: Convert.ToDecimal(value, CultureInfo.InvariantCulture)),
        double or float => new(Number: Convert.ToDecimal(value, CultureInfo.InvariantCulture)),
        null => new(Text: string.Empty),
        IFormattable formattable => new(Text: formattable.ToString(null, CultureInfo.InvariantCulture)),
        _ => new(Text: value.ToString() ?? string.Empty),
    };

    internal object English => Message?.English ?? (object?)Number ?? Text ?? string.Empty;

    internal object Word(IStringLocalizer<StoredText> L) => Message?.Word(L) ?? (object?)Number ?? Text ?? string.Empty;
}
