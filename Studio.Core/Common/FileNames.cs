using System.Globalization;
using System.Text;

namespace Studio.Core.Common;

/// <summary>Safe file names for downloads.</summary>
public static class FileNames
{
    /// <summary>Lower-case ASCII letters, digits and dashes from a title ("3 Django tips!" → "3-django-tips"); "video" when nothing is left.</summary>
    public static string Slug(string title, int maxLength = 60)
    {
        ArgumentNullException.ThrowIfNull(title);
        var sb = new StringBuilder();
        foreach (var c in title.Normalize(NormalizationForm.FormD))
        {
            if (CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.NonSpacingMark)
            {
                continue;
            }

            if (char.IsAsciiLetterOrDigit(c))
            {
                sb.Append(char.ToLowerInvariant(c));
            }
            else if (sb.Length > 0 && sb[^1] != '-')
            {
                sb.Append('-');
            }
        }

        var slug = sb.ToString().Trim('-');
        if (slug.Length > maxLength)
        {
            slug = slug[..maxLength].TrimEnd('-');
        }

        return slug.Length == 0 ? "video" : slug;
    }
}
