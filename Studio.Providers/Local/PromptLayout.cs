using System.Globalization;
using System.Text;
using Studio.Core.Templates;

namespace Studio.Providers.Local;

/// <summary>
/// Lays a prompt out as centred lines inside the frame's safe area: word-wrapped by the font's real advance widths,
/// balanced so the last line is not a lone word, shrunk when it is long, and cut with an ellipsis when even the
/// smallest size cannot hold it.
/// </summary>
internal static class PromptLayout
{
    private const string Ellipsis = "…";
    private const double LineSpacing = 1.25;
    private const double ShrinkStep = 0.92;

    /// <summary>Lays <paramref name="text"/> out for a frame.</summary>
    public static TextBlock Fit(string text, FrameSize frame, TrueTypeMetrics metrics)
    {
        var safe = SafeArea.For(frame);
        var shorter = Math.Min(frame.Width, frame.Height);
        var largest = (int)Math.Round(shorter * 0.075);
        var smallest = (int)Math.Round(shorter * 0.036);
        var words = Words(text);
        if (words.Count == 0)
        {
            return new TextBlock([], largest, (int)Math.Round(largest * LineSpacing), [], safe);
        }

        var size = largest;
        while (true)
        {
            double Measure(string s) => metrics.Measure(s, size);
            var lines = WrapBalanced(words, safe.Width, Measure);
            var lineHeight = (int)Math.Round(size * LineSpacing);
            var capacity = LinesThatFit(safe.Height, size, lineHeight, metrics);
            if (lines.Count <= capacity)
            {
                return Place(lines, size, lineHeight, safe, metrics);
            }

            var next = (int)Math.Floor(size * ShrinkStep);
            if (next < smallest)
            {
                var cut = Truncate(Wrap(words, safe.Width, Measure), Math.Max(1, capacity), safe.Width, Measure);
                return Place(cut, size, lineHeight, safe, metrics);
            }

            size = next;
        }
    }

    /// <summary>
    /// Splits text into words on whitespace and control characters. Free-standing punctuation ("—", "&amp;", "!") stays with the word
    /// before it, so no line starts with a dash.
    /// </summary>
    public static IReadOnlyList<string> Words(string text)
    {
        var words = new List<string>();
        var printable = new string(text.Select(c => char.IsControl(c) ? ' ' : c).ToArray());
        foreach (var token in printable.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            if (words.Count > 0 && token.All(c => char.IsPunctuation(c) || char.IsSymbol(c)))
            {
                words[^1] = $"{words[^1]} {token}";
            }
            else
            {
                words.Add(token);
            }
        }

        return words;
    }

    /// <summary>
    /// Greedy word wrap: as many words per line as fit in <paramref name="maxWidth"/>. A word wider than a line on its
    /// own is split between characters, so no line is ever wider than <paramref name="maxWidth"/>.
    /// </summary>
    public static IReadOnlyList<string> Wrap(IReadOnlyList<string> words, double maxWidth, Func<string, double> measure)
    {
        var lines = new List<string>();
        var current = new StringBuilder();
        foreach (var word in words)
        {
            var candidate = current.Length == 0 ? word : $"{current} {word}";
            if (measure(candidate) <= maxWidth)
            {
                current.Clear().Append(candidate);
                continue;
            }

            if (current.Length > 0)
            {
                lines.Add(current.ToString());
                current.Clear();
            }

            if (measure(word) <= maxWidth)
            {
                current.Append(word);
                continue;
            }

            foreach (var piece in SplitWord(word, maxWidth, measure))
            {
                if (current.Length > 0)
                {
                    lines.Add(current.ToString());
                    current.Clear();
                }

                current.Append(piece);
            }
        }

        if (current.Length > 0)
        {
            lines.Add(current.ToString());
        }

        return lines;
    }

    /// <summary>
    /// Wraps into as few lines as <see cref="Wrap"/> does, but at the narrowest width that still needs no more lines,
    /// so centred lines come out of similar length.
    /// </summary>
    public static IReadOnlyList<string> WrapBalanced(IReadOnlyList<string> words, double maxWidth, Func<string, double> measure)
    {
        var greedy = Wrap(words, maxWidth, measure);
        if (greedy.Count <= 1)
        {
            return greedy;
        }

        var widest = words.Max(measure);
        var low = Math.Min(widest, maxWidth);
        var high = maxWidth;
        var best = greedy;
        while (high - low > 1)
        {
            var middle = (low + high) / 2;
            var attempt = Wrap(words, middle, measure);
            if (attempt.Count <= greedy.Count)
            {
                best = attempt;
                high = middle;
            }
            else
            {
                low = middle;
            }
        }

        return best;
    }

    private static IEnumerable<string> SplitWord(string word, double maxWidth, Func<string, double> measure)
    {
        var piece = new StringBuilder();
        var elements = StringInfo.GetTextElementEnumerator(word);
        while (elements.MoveNext())
        {
            var element = elements.GetTextElement();
            if (piece.Length > 0 && measure(piece + element) > maxWidth)
            {
                yield return piece.ToString();
                piece.Clear();
            }

            piece.Append(element);
        }

        if (piece.Length > 0)
        {
            yield return piece.ToString();
        }
    }

    private static List<string> Truncate(IReadOnlyList<string> lines, int keep, double maxWidth, Func<string, double> measure)
    {
        var kept = lines.Take(keep).ToList();
        var last = kept[^1];
        while (last.Length > 0 && measure(last + Ellipsis) > maxWidth)
        {
            var space = last.LastIndexOf(' ');
            last = space > 0 ? last[..space] : last[..^1];
        }

        kept[^1] = last.TrimEnd(' ', ',', ';', ':', '.', '-') + Ellipsis;
        return kept;
    }

    private static int LinesThatFit(int height, int size, int lineHeight, TrueTypeMetrics metrics)
    {
        var glyphHeight = size * (metrics.Ascender + metrics.Descender);
        return height < glyphHeight ? 0 : 1 + (int)Math.Floor((height - glyphHeight) / lineHeight);
    }

    private static TextBlock Place(IReadOnlyList<string> lines, int size, int lineHeight, SafeArea safe, TrueTypeMetrics metrics)
    {
        var blockHeight = ((lines.Count - 1) * lineHeight) + (size * (metrics.Ascender + metrics.Descender));
        var firstBaseline = safe.Top + ((safe.Height - blockHeight) / 2) + (size * metrics.Ascender);
        var baselines = Enumerable.Range(0, lines.Count).Select(i => (int)Math.Round(firstBaseline + (i * lineHeight))).ToList();
        return new TextBlock(lines, size, lineHeight, baselines, safe);
    }
}
