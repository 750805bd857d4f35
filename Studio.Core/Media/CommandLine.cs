using System.Text;

namespace Studio.Core.Media;

/// <summary>
/// Joins argument tokens into one command line that .NET's process start splits back into the same tokens
/// (whitespace separates, double quotes group, backslashes escape only before a quote).
/// </summary>
public static class CommandLine
{
    /// <summary>Quotes and joins tokens.</summary>
    public static string Join(IEnumerable<string> tokens) => string.Join(' ', tokens.Select(Quote));

    /// <summary>Quotes one token when it needs it.</summary>
    public static string Quote(string token)
    {
        ArgumentNullException.ThrowIfNull(token);
        if (token.Length > 0 && !token.Any(c => char.IsWhiteSpace(c) || c == '"'))
        {
            return token;
        }

        var sb = new StringBuilder("\"");
        var backslashes = 0;
        foreach (var c in token)
        {
            if (c == '\\')
            {
                backslashes++;
                continue;
            }

            // Backslashes are literal unless a quote follows them: then each must be doubled, and the quote escaped.
            sb.Append('\\', c == '"' ? (backslashes * 2) + 1 : backslashes);
            sb.Append(c);
            backslashes = 0;
        }

        sb.Append('\\', backslashes * 2);
        return sb.Append('"').ToString();
    }
}
