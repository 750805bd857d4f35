using System.Buffers.Binary;
using Microsoft.Extensions.Localization;

namespace Studio.Core.Assets;

/// <summary>
/// Checks that a file is whole and is only what it claims: its container's own sizes add up to the file's length
/// (a truncated file, or one with something appended, fails) and no ZIP archive hides in its tail (a polyglot that a
/// ZIP reader would open). Cheap: reads only headers and the last 64 KB.
/// </summary>
public static class UploadStructure
{
    // A ZIP's end-of-central-directory record is 22 bytes plus a comment of at most 65,535.
    private const int ZipTailWindow = 22 + ushort.MaxValue;

    /// <summary>
    /// What is wrong with the file's structure, in the words of <paramref name="L"/> (this class's localizer:
    /// <c>IStringLocalizerFactory.Create(typeof(UploadStructure))</c>), or null when it holds together.
    /// </summary>
    public static string? Problem(string file, SniffedType type, IStringLocalizer L)
    {
        ArgumentNullException.ThrowIfNull(type);
        ArgumentNullException.ThrowIfNull(L);
        using var stream = new FileStream(file, FileMode.Open, FileAccess.Read, FileShare.Read, 4096);
        if (HasZipTail(stream))
        {
            return L["It is a {0} with a ZIP archive appended (a polyglot file); such files are refused.", type.Name];
        }

        return type switch
        {
            _ when type == SniffedType.Png => PngProblem(stream, L),
            _ when type == SniffedType.Jpeg => JpegProblem(stream, L),
            _ when type == SniffedType.WebP || type == SniffedType.Wav => RiffProblem(stream, type, L),
            _ when type.IsIsoMedia => IsoMediaProblem(stream, type, L),
            _ when type == SniffedType.WebM => WebMProblem(stream, L),
            _ => null,
        };
    }

    /// <summary>The width and height a PNG's header declares, or null when the header is not there.</summary>
    public static (long Width, long Height)? PngSize(string file)
    {
        Span<byte> head = stackalloc byte[24];
        using var stream = new FileStream(file, FileMode.Open, FileAccess.Read, FileShare.Read, 4096);
        if (stream.ReadAtLeast(head, head.Length, throwOnEndOfStream: false) < head.Length || !head[12..16].SequenceEqual("IHDR"u8))
        {
            return null;
        }

        return (BinaryPrimitives.ReadUInt32BigEndian(head[16..20]), BinaryPrimitives.ReadUInt32BigEndian(head[20..24]));
    }

    private static bool HasZipTail(FileStream stream)
    {
        var window = (int)Math.Min(stream.Length, ZipTailWindow);
        var tail = new byte[window];
        stream.Position = stream.Length - window;
        stream.ReadExactly(tail);
        for (var i = window - 22; i >= 0; i--)
        {
            if (tail[i] == 'P' && tail[i + 1] == 'K' && tail[i + 2] == 5 && tail[i + 3] == 6
                && i + 22 + BinaryPrimitives.ReadUInt16LittleEndian(tail.AsSpan(i + 20, 2)) == window)
            {
                return true;
            }
        }

        return false;
    }

    private static string? PngProblem(FileStream stream, IStringLocalizer L)
    {
        Span<byte> head = stackalloc byte[8];
        long position = 8;
        var first = true;
        while (position + 12 <= stream.Length)
        {
            stream.Position = position;
            stream.ReadExactly(head);
            var length = BinaryPrimitives.ReadUInt32BigEndian(head[..4]);
            var kind = head[4..8];
            if (first && !kind.SequenceEqual("IHDR"u8))
            {
                return L["The PNG does not start with its header chunk (IHDR)."];
            }

            first = false;
            var next = position + 12 + length;
            if (next > stream.Length)
            {
                return L["The PNG is cut short: a chunk runs past the end of the file."];
            }

            if (kind.SequenceEqual("IEND"u8))
            {
                return next == stream.Length ? null : L["The PNG has data after its end (IEND); such files are refused."].Value;
            }

            position = next;
        }

        return L["The PNG is cut short: it has no end chunk (IEND)."];
    }

    private static string? JpegProblem(FileStream stream, IStringLocalizer L)
    {
        Span<byte> end = stackalloc byte[2];
        stream.Position = stream.Length - 2;
        stream.ReadExactly(end);
        return end[0] == 0xFF && end[1] == 0xD9 ? null : L["The JPEG does not end with its end marker: it is cut short or has data appended."].Value;
    }

    private static string? RiffProblem(FileStream stream, SniffedType type, IStringLocalizer L)
    {
        Span<byte> size = stackalloc byte[4];
        stream.Position = 4;
        stream.ReadExactly(size);
        var declared = BinaryPrimitives.ReadUInt32LittleEndian(size) + 8L;
        return declared == stream.Length
            ? null
            : L["The {0} declares {1} bytes but the file has {2}: it is cut short or has data appended.", type.Name, declared, stream.Length].Value;
    }

    private static string? IsoMediaProblem(FileStream stream, SniffedType type, IStringLocalizer L)
    {
        Span<byte> head = stackalloc byte[16];
        long position = 0;
        var hasMovie = false;
        while (position < stream.Length)
        {
            if (position + 8 > stream.Length)
            {
                return L["The {0} is cut short inside a box header.", type.Name];
            }

            stream.Position = position;
            stream.ReadExactly(head[..8]);
            long size = BinaryPrimitives.ReadUInt32BigEndian(head[..4]);
            hasMovie |= head[4..8].SequenceEqual("moov"u8);
            if (size == 1)
            {
                if (position + 16 > stream.Length)
                {
                    return L["The {0} is cut short inside a box header.", type.Name];
                }

                stream.ReadExactly(head[8..16]);
                var large = BinaryPrimitives.ReadUInt64BigEndian(head[8..16]);
                size = large > long.MaxValue ? -1 : (long)large;
            }
            else if (size == 0)
            {
                // "To the end of the file": only the last box may say so.
                size = stream.Length - position;
            }

            if (size < 8 || position + size > stream.Length)
            {
                return L["The {0} is cut short: a box runs past the end of the file.", type.Name];
            }

            position += size;
        }

        return hasMovie ? null : L["The {0} has no movie header (moov): it is incomplete.", type.Name].Value;
    }

    private static string? WebMProblem(FileStream stream, IStringLocalizer L)
    {
        stream.Position = 4;
        var headerSize = ReadVint(stream, out var unknown);
        if (headerSize < 0 || unknown)
        {
            return L["The WebM header is malformed."];
        }

        stream.Position += headerSize;
        Span<byte> id = stackalloc byte[4];
        if (stream.Position + 4 > stream.Length)
        {
            return L["The WebM is cut short after its header."];
        }

        stream.ReadExactly(id);
        if (!id.SequenceEqual((ReadOnlySpan<byte>)[0x18, 0x53, 0x80, 0x67]))
        {
            return L["The WebM has no segment after its header."];
        }

        var segmentSize = ReadVint(stream, out unknown);
        if (segmentSize < 0)
        {
            return L["The WebM segment is malformed."];
        }

        // A live recording may leave the size unknown; a finished file states it, and it must match.
        return unknown || stream.Position + segmentSize == stream.Length
            ? null
            : L["The WebM is cut short or has data appended: its segment size does not match the file."].Value;
    }

    // An EBML variable-length size; -1 when malformed or past the end.
    private static long ReadVint(FileStream stream, out bool unknown)
    {
        unknown = false;
        var first = stream.ReadByte();
        if (first <= 0)
        {
            return -1;
        }

        var length = 1;
        while ((first & (0x80 >> (length - 1))) == 0)
        {
            length++;
        }

        long value = first & ((0x80 >> (length - 1)) - 1);
        var allOnes = value == (0x80 >> (length - 1)) - 1;
        for (var i = 1; i < length; i++)
        {
            var b = stream.ReadByte();
            if (b < 0)
            {
                return -1;
            }

            value = (value << 8) | (uint)b;
            allOnes &= b == 0xFF;
        }

        unknown = allOnes;
        return value;
    }
}
