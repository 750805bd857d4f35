using System.Text;
using Microsoft.Extensions.Localization;

namespace Studio.Core.Assets;

/// <summary>
/// Decides what a file is from its first bytes (its magic numbers), never from its name or the type a client claims.
/// Only the accepted types pass; a few common refused ones (archives, scripts, markup, GIF, PDF) are named in the refusal.
/// </summary>
public static class UploadSniffer
{
    /// <summary>How many leading bytes <see cref="Sniff"/> looks at.</summary>
    public const int HeaderLength = 64;

    /// <summary>Fewer bytes than this cannot be any accepted type.</summary>
    public const int MinimumLength = 12;

    /// <summary>What the accepted types are, for messages.</summary>
    public const string Accepted = "PNG, JPEG or WebP images, MP4, MOV or WebM videos, MP3, WAV or M4A sound";

    private static readonly string[] VideoBrands = ["isom", "iso2", "iso3", "iso4", "iso5", "iso6", "mp41", "mp42", "avc1", "M4V ", "M4VP", "dash", "mmp4", "MSNV", "XAVC", "f4v "];
    private static readonly string[] AudioBrands = ["M4A ", "M4B "];

    /// <summary>
    /// The accepted type <paramref name="header"/> starts, or null with <paramref name="refusal"/> saying what it looks
    /// like instead, in the words of <paramref name="L"/> (this class's localizer: <c>IStringLocalizerFactory.Create(typeof(UploadSniffer))</c>).
    /// </summary>
    public static SniffedType? Sniff(ReadOnlySpan<byte> header, IStringLocalizer L, out string refusal)
    {
        ArgumentNullException.ThrowIfNull(L);
        refusal = string.Empty;
        if (header.StartsWith((ReadOnlySpan<byte>)[0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]))
        {
            return SniffedType.Png;
        }

        if (header.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xD8, 0xFF]))
        {
            return SniffedType.Jpeg;
        }

        if (header.StartsWith("RIFF"u8) && header.Length >= 12)
        {
            if (header[8..12].SequenceEqual("WEBP"u8))
            {
                return SniffedType.WebP;
            }

            if (header[8..12].SequenceEqual("WAVE"u8))
            {
                return SniffedType.Wav;
            }

            refusal = L["It is a RIFF file of type '{0}' (such as AVI); only WebP and WAV are accepted.", Printable(header[8..12])];
            return null;
        }

        if (header.Length >= 12 && header[4..8].SequenceEqual("ftyp"u8))
        {
            var brand = Encoding.ASCII.GetString(header[8..12]);
            if (brand == "qt  ")
            {
                return SniffedType.Mov;
            }

            if (AudioBrands.Contains(brand, StringComparer.Ordinal))
            {
                return SniffedType.M4a;
            }

            if (VideoBrands.Contains(brand, StringComparer.Ordinal))
            {
                return SniffedType.Mp4;
            }

            refusal = L["It is an ISO media file of brand '{0}' (such as HEIC, AVIF or 3GP), which is not accepted.", Printable(header[8..12])];
            return null;
        }

        if (header.StartsWith((ReadOnlySpan<byte>)[0x1A, 0x45, 0xDF, 0xA3]))
        {
            if (header.IndexOf("webm"u8) >= 0)
            {
                return SniffedType.WebM;
            }

            refusal = L["It is a Matroska (MKV) file; only its WebM form is accepted."];
            return null;
        }

        if (header.StartsWith("ID3"u8) || IsMp3FrameSync(header))
        {
            return SniffedType.Mp3;
        }

        refusal = Describe(header, L);
        return null;
    }

    // MPEG audio frame header: 11 sync bits, then version (not the reserved 01), layer III (01), and a bitrate that is not "bad".
    private static bool IsMp3FrameSync(ReadOnlySpan<byte> header) =>
        header.Length >= 4 && header[0] == 0xFF && (header[1] & 0xE0) == 0xE0 && (header[1] & 0x18) != 0x08 && (header[1] & 0x06) == 0x02
        && (header[2] & 0xF0) != 0xF0 && (header[2] & 0x0C) != 0x0C;

    private static string Describe(ReadOnlySpan<byte> header, IStringLocalizer L)
    {
        var what = header switch
        {
            _ when header.StartsWith("PK"u8) => L["a ZIP archive (or a document built on one)"],
            _ when header.StartsWith((ReadOnlySpan<byte>)[0x1F, 0x8B]) => L["a gzip archive"],
            _ when header.StartsWith((ReadOnlySpan<byte>)[0x37, 0x7A, 0xBC, 0xAF, 0x27, 0x1C]) => L["a 7-Zip archive"],
            _ when header.StartsWith("Rar!"u8) => L["a RAR archive"],
            _ when header.StartsWith("GIF8"u8) => L["a GIF image"],
            _ when header.StartsWith("%PDF"u8) => L["a PDF document"],
            _ when header.StartsWith("BM"u8) => L["a BMP image"],
            _ when header.StartsWith((ReadOnlySpan<byte>)[0x7F, 0x45, 0x4C, 0x46]) => L["a program (ELF)"],
            _ when header.StartsWith("MZ"u8) => L["a Windows program"],
            _ when header.StartsWith("#!"u8) => L["a script"],
            _ when LooksLikeMarkup(header) => L["markup (HTML, SVG or XML), which can carry scripts"],
            _ when LooksLikeText(header) => L["text"],
            _ => L["not a recognised media file"],
        };
        return L["Its content is {0}. Accepted are {1}, recognised by their content whatever their name.", what, L["PNG, JPEG or WebP images, MP4, MOV or WebM videos, MP3, WAV or M4A sound"]];
    }

    private static bool LooksLikeMarkup(ReadOnlySpan<byte> header)
    {
        var text = header.TrimStart("\uFEFF"u8).TrimStart(" \t\r\n"u8);
        return text.Length > 0 && text[0] == (byte)'<';
    }

    private static bool LooksLikeText(ReadOnlySpan<byte> header)
    {
        foreach (var b in header)
        {
            if (b < 0x09 || (b > 0x0D && b < 0x20 && b != 0x1B))
            {
                return false;
            }
        }

        return true;
    }

    private static string Printable(ReadOnlySpan<byte> bytes)
    {
        var sb = new StringBuilder(bytes.Length);
        foreach (var b in bytes)
        {
            sb.Append(b is >= 0x20 and < 0x7F ? (char)b : '?');
        }

        return sb.ToString();
    }
}
