using System.Buffers.Binary;
using System.Collections.Concurrent;
using Studio.Core.Common;

namespace Studio.Providers.Local;

/// <summary>
/// Advance widths read from a TrueType font (tables <c>head</c>, <c>hhea</c>, <c>hmtx</c>, <c>cmap</c>), so text is
/// wrapped by what drawtext will actually draw, not by a guessed average character width.
/// </summary>
internal sealed class TrueTypeMetrics
{
    private readonly byte[] _font;
    private readonly int _cmapSubtable;
    private readonly int _cmapFormat;
    private readonly int _hmtx;
    private readonly int _metricsCount;
    private readonly ConcurrentDictionary<int, double> _advances = new();

    private TrueTypeMetrics(byte[] font, bool basicPlaneMapOnly)
    {
        _font = font;
        var tables = ReadTableDirectory(font);
        var head = Table(tables, "head");
        var hhea = Table(tables, "hhea");
        _hmtx = Table(tables, "hmtx");
        UnitsPerEm = U16(head + 18);
        _metricsCount = U16(hhea + 34);
        Ascender = (short)U16(hhea + 4) / (double)UnitsPerEm;
        Descender = -(short)U16(hhea + 6) / (double)UnitsPerEm;
        (_cmapSubtable, _cmapFormat) = FindUnicodeCmap(Table(tables, "cmap"), basicPlaneMapOnly);
        if (UnitsPerEm == 0 || _metricsCount == 0)
        {
            throw new UnusableFontException(StoredText.Of("The font has no horizontal metrics."));
        }
    }

    /// <summary>Font design units per em.</summary>
    public int UnitsPerEm { get; }

    /// <summary>Height above the baseline, in em.</summary>
    public double Ascender { get; }

    /// <summary>Depth below the baseline, in em (positive).</summary>
    public double Descender { get; }

    /// <summary>Reads a font file.</summary>
    /// <exception cref="UnusableFontException">It is not a TrueType font with a Unicode character map.</exception>
    public static async Task<TrueTypeMetrics> LoadAsync(string path, CancellationToken ct)
    {
        var bytes = await File.ReadAllBytesAsync(path, ct).ConfigureAwait(false);
        return Parse(bytes, basicPlaneMapOnly: false);
    }

    /// <summary>Reads a font from memory; <paramref name="basicPlaneMapOnly"/> ignores a full-Unicode (format 12) map.</summary>
    /// <exception cref="UnusableFontException">It is not a TrueType font with a Unicode character map.</exception>
    internal static TrueTypeMetrics Parse(byte[] font, bool basicPlaneMapOnly)
    {
        try
        {
            return new TrueTypeMetrics(font, basicPlaneMapOnly);
        }
        catch (ArgumentOutOfRangeException ex)
        {
            throw new UnusableFontException(StoredText.Of("The file is not a readable TrueType font."), ex);
        }
    }

    /// <summary>Width of <paramref name="text"/> in pixels at <paramref name="fontSize"/> px per em.</summary>
    /// <remarks>Each advance is rounded to whole pixels, as FreeType's hinted advances are when drawtext lays text out.</remarks>
    public double Measure(string text, double fontSize)
    {
        var width = 0d;
        foreach (var rune in text.EnumerateRunes())
        {
            width += Math.Round(Advance(rune.Value) * fontSize);
        }

        return width;
    }

    private double Advance(int codePoint) => _advances.GetOrAdd(codePoint, cp =>
    {
        var glyph = GlyphOf(cp);
        var index = Math.Min(glyph, _metricsCount - 1);
        return U16(_hmtx + (index * 4)) / (double)UnitsPerEm;
    });

    private int GlyphOf(int codePoint) => _cmapFormat switch
    {
        12 => GlyphFormat12(codePoint),
        4 => codePoint > 0xFFFF ? 0 : GlyphFormat4(codePoint),
        _ => 0,
    };

    private int GlyphFormat4(int codePoint)
    {
        var t = _cmapSubtable;
        var segments = U16(t + 6) / 2;
        var endCodes = t + 14;
        var startCodes = endCodes + (segments * 2) + 2;
        var deltas = startCodes + (segments * 2);
        var rangeOffsets = deltas + (segments * 2);
        for (var s = 0; s < segments; s++)
        {
            if (codePoint > U16(endCodes + (s * 2)))
            {
                continue;
            }

            var start = U16(startCodes + (s * 2));
            if (codePoint < start)
            {
                return 0;
            }

            var delta = (short)U16(deltas + (s * 2));
            var rangeOffsetAt = rangeOffsets + (s * 2);
            var rangeOffset = U16(rangeOffsetAt);
            if (rangeOffset == 0)
            {
                return (codePoint + delta) & 0xFFFF;
            }

            var glyph = U16(rangeOffsetAt + rangeOffset + ((codePoint - start) * 2));
            return glyph == 0 ? 0 : (glyph + delta) & 0xFFFF;
        }

        return 0;
    }

    private int GlyphFormat12(int codePoint)
    {
        var t = _cmapSubtable;
        var groups = (int)U32(t + 12);
        for (var g = 0; g < groups; g++)
        {
            var at = t + 16 + (g * 12);
            var start = U32(at);
            var end = U32(at + 4);
            if (codePoint >= start && codePoint <= end)
            {
                return (int)(U32(at + 8) + ((uint)codePoint - start));
            }
        }

        return 0;
    }

    private (int Offset, int Format) FindUnicodeCmap(int cmap, bool basicPlaneMapOnly)
    {
        var count = U16(cmap + 2);
        (int Offset, int Format) best = (0, 0);
        for (var i = 0; i < count; i++)
        {
            var record = cmap + 4 + (i * 8);
            var platform = U16(record);
            var encoding = U16(record + 2);
            var offset = cmap + (int)U32(record + 4);
            var format = U16(offset);
            var unicode = platform == 0 || (platform == 3 && (encoding == 1 || encoding == 10));
            if (unicode && ((format == 12 && !basicPlaneMapOnly) || (format == 4 && best.Format != 12)))
            {
                best = (offset, format);
            }
        }

        return best.Format == 0 ? throw new UnusableFontException(StoredText.Of("The font has no Unicode character map.")) : best;
    }

    private static Dictionary<string, int> ReadTableDirectory(byte[] font)
    {
        var count = BinaryPrimitives.ReadUInt16BigEndian(font.AsSpan(4));
        var tables = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < count; i++)
        {
            var record = font.AsSpan(12 + (i * 16), 16);
            var tag = System.Text.Encoding.ASCII.GetString(record[..4]);
            tables[tag] = (int)BinaryPrimitives.ReadUInt32BigEndian(record[8..]);
        }

        return tables;
    }

    private static int Table(Dictionary<string, int> tables, string tag) =>
        tables.TryGetValue(tag, out var offset) ? offset : throw new UnusableFontException(StoredText.Of("The font has no '{0}' table.", tag));

    private int U16(int offset) => BinaryPrimitives.ReadUInt16BigEndian(_font.AsSpan(offset, 2));

    private uint U32(int offset) => BinaryPrimitives.ReadUInt32BigEndian(_font.AsSpan(offset, 4));
}
