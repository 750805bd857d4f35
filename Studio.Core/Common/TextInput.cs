using System.Text;

namespace Studio.Core.Common;

/// <summary>Cleans free text typed by users: trims it and drops control characters (line breaks become spaces).</summary>
public static class TextInput
{
    /// <summary>The cleaned text; empty for null.</summary>
    public static string Clean(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return string.Empty;
        }

        var sb = new StringBuilder(text.Length);
        foreach (var c in text)
        {
            if (c is '\n' or '\r' or '\t')
            {
                sb.Append(' ');
            }
            else if (!char.IsControl(c))
            {
                sb.Append(c);
            }
        }

        return sb.ToString().Trim();
    }
}
