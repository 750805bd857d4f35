using System.Globalization;
using Microsoft.Extensions.Localization;

namespace Studio.Core.Assets;

/// <summary>
/// Checks the name an upload came with. It is kept only as data (the file is stored under a generated key), yet a name
/// that carries a path, control characters, direction overrides or is absurdly long is refused: a browser never sends
/// one, and such a name shown or offered back as a download name would mislead.
/// </summary>
public static class UploadFileName
{
    /// <summary>
    /// The cleaned name, or null with <paramref name="problem"/> saying what is wrong with it in the words of
    /// <paramref name="L"/> (this class's localizer: <c>IStringLocalizerFactory.Create(typeof(UploadFileName))</c>).
    /// </summary>
    public static string? Check(string? name, int maxLength, SniffedType type, IStringLocalizer L, out string problem)
    {
        ArgumentNullException.ThrowIfNull(type);
        ArgumentNullException.ThrowIfNull(L);
        problem = string.Empty;
        if (string.IsNullOrWhiteSpace(name))
        {
            return "upload" + type.Extension;
        }

        if (name.Length > maxLength)
        {
            problem = L["The file name is {0} characters long; at most {1} are allowed.", name.Length, maxLength];
            return null;
        }

        foreach (var c in name)
        {
            var category = CharUnicodeInfo.GetUnicodeCategory(c);
            if (char.IsControl(c) || category is UnicodeCategory.Format or UnicodeCategory.LineSeparator or UnicodeCategory.ParagraphSeparator)
            {
                problem = L["The file name contains the invisible or control character U+{0:X4}.", (int)c];
                return null;
            }
        }

        if (name.Contains('/', StringComparison.Ordinal) || name.Contains('\\', StringComparison.Ordinal) || name.Contains(':', StringComparison.Ordinal)
            || name.Trim() is "." or "..")
        {
            problem = L["The file name contains a path (/, \\, : or a dot folder); send the bare name."];
            return null;
        }

        if (!IsWellFormed(name))
        {
            problem = L["The file name is not well-formed text (a broken surrogate pair)."];
            return null;
        }

        return name.Trim().TrimEnd('.');
    }

    private static bool IsWellFormed(string name)
    {
        for (var i = 0; i < name.Length; i++)
        {
            if (char.IsHighSurrogate(name[i]) && i + 1 < name.Length && char.IsLowSurrogate(name[i + 1]))
            {
                i++;
            }
            else if (char.IsSurrogate(name[i]))
            {
                return false;
            }
        }

        return true;
    }
}
