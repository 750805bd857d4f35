using System.Buffers.Binary;
using System.Globalization;
using System.Text;

namespace Studio.Core.Assembly;

/// <summary>
/// Reads what decoders are configured with from an MP4's sample descriptions: for H.264 the <c>avcC</c> record
/// (SPS and PPS: profile, level, size, chroma format, bit depth), for AAC the AudioSpecificConfig, channel count and
/// sample rate, and each track's timescale. Two clips with the same signature can be joined by stream copy; the
/// container keeps one decoder configuration per track, so clips that differ in any of it cannot.
/// </summary>
internal static class Mp4StreamSignature
{
    // A moov larger than this belongs to a very long file; such clips are simply re-encoded.
    private const long MaxMoovBytes = 64L * 1024 * 1024;

    /// <summary>The signature of an MP4 with exactly one video and one audio track, or null for anything else.</summary>
    public static async Task<string?> ReadAsync(string file, CancellationToken ct) =>
        (await ReadStreamsAsync(file, ct).ConfigureAwait(false))?.Signature;

    /// <summary>
    /// The signature, picture size, frame rate and duration of an MP4 with exactly one H.264 and one AAC track, or null
    /// for anything else — read from the moov box alone, so checking clips for a stream copy starts no process.
    /// </summary>
    public static async Task<Mp4Streams?> ReadStreamsAsync(string file, CancellationToken ct)
    {
        var stream = new FileStream(file, FileMode.Open, FileAccess.Read, FileShare.Read, 4096, useAsync: true);
        await using (stream.ConfigureAwait(false))
        {
            var moov = await ReadTopLevelBoxAsync(stream, "moov", ct).ConfigureAwait(false);
            if (moov is null)
            {
                return null;
            }

            try
            {
                return Describe(moov) is { } signature && Measure(moov) is { } measures
                    ? new Mp4Streams(signature, measures.Width, measures.Height, measures.FrameRate, measures.Duration)
                    : null;
            }
            catch (ArgumentOutOfRangeException)
            {
                return null;
            }
        }
    }

    private static async Task<byte[]?> ReadTopLevelBoxAsync(FileStream stream, string type, CancellationToken ct)
    {
        var header = new byte[16];
        long offset = 0;
        while (offset + 8 <= stream.Length)
        {
            stream.Position = offset;
            await stream.ReadExactlyAsync(header.AsMemory(0, 8), ct).ConfigureAwait(false);
            long size = BinaryPrimitives.ReadUInt32BigEndian(header);
            var headerSize = 8;
            if (size == 1)
            {
                await stream.ReadExactlyAsync(header.AsMemory(8, 8), ct).ConfigureAwait(false);
                size = (long)BinaryPrimitives.ReadUInt64BigEndian(header.AsSpan(8));
                headerSize = 16;
            }
            else if (size == 0)
            {
                size = stream.Length - offset;
            }

            if (size < headerSize || offset + size > stream.Length)
            {
                return null;
            }

            if (Encoding.ASCII.GetString(header, 4, 4) == type)
            {
                if (size - headerSize > MaxMoovBytes)
                {
                    return null;
                }

                var payload = new byte[size - headerSize];
                await stream.ReadExactlyAsync(payload, ct).ConfigureAwait(false);
                return payload;
            }

            offset += size;
        }

        return null;
    }

    private static string? Describe(byte[] moov)
    {
        var tracks = new List<string>();
        var handlers = new List<string>();
        foreach (var trak in Children(moov, 0, moov.Length).Where(b => b.Type == "trak"))
        {
            var mdia = Child(moov, trak, "mdia");
            var mdhd = mdia is null ? null : Child(moov, mdia.Value, "mdhd");
            var hdlr = mdia is null ? null : Child(moov, mdia.Value, "hdlr");
            var minf = mdia is null ? null : Child(moov, mdia.Value, "minf");
            var stbl = minf is null ? null : Child(moov, minf.Value, "stbl");
            var stsd = stbl is null ? null : Child(moov, stbl.Value, "stsd");
            if (mdhd is null || hdlr is null || stsd is null)
            {
                return null;
            }

            var handler = Encoding.ASCII.GetString(moov, hdlr.Value.Start + 8, 4);
            var timescale = BinaryPrimitives.ReadUInt32BigEndian(moov.AsSpan(mdhd.Value.Start + (moov[mdhd.Value.Start] == 1 ? 20 : 12), 4));
            var description = handler switch
            {
                "vide" => VideoEntry(moov, stsd.Value),
                "soun" => AudioEntry(moov, stsd.Value),
                _ => null,
            };
            if (description is null)
            {
                return null;
            }

            handlers.Add(handler);
            tracks.Add(string.Create(CultureInfo.InvariantCulture, $"{handler}/{timescale}/{description}"));
        }

        handlers.Sort(StringComparer.Ordinal);
        return handlers.SequenceEqual(["soun", "vide"]) ? string.Join('|', tracks) : null;
    }

    /// <summary>Duration from mvhd; size and frame rate (timescale over the first sample delta) of the video track.</summary>
    private static (int Width, int Height, double FrameRate, TimeSpan Duration)? Measure(byte[] moov)
    {
        var mvhd = Children(moov, 0, moov.Length).FirstOrDefault(b => b.Type == "mvhd");
        if (mvhd.Type is null)
        {
            return null;
        }

        var v1 = moov[mvhd.Start] == 1;
        var movieScale = BinaryPrimitives.ReadUInt32BigEndian(moov.AsSpan(mvhd.Start + (v1 ? 20 : 12), 4));
        var movieLength = v1 ? BinaryPrimitives.ReadUInt64BigEndian(moov.AsSpan(mvhd.Start + 24, 8)) : BinaryPrimitives.ReadUInt32BigEndian(moov.AsSpan(mvhd.Start + 16, 4));
        foreach (var trak in Children(moov, 0, moov.Length).Where(b => b.Type == "trak"))
        {
            var mdia = Child(moov, trak, "mdia");
            var hdlr = mdia is null ? null : Child(moov, mdia.Value, "hdlr");
            if (hdlr is null || Encoding.ASCII.GetString(moov, hdlr.Value.Start + 8, 4) != "vide")
            {
                continue;
            }

            var mdhd = Child(moov, mdia!.Value, "mdhd");
            var stbl = Child(moov, mdia.Value, "minf") is { } minf ? Child(moov, minf, "stbl") : null;
            var stts = stbl is null ? null : Child(moov, stbl.Value, "stts");
            var entry = stbl is null ? null : Child(moov, stbl.Value, "stsd") is { } stsd ? SingleEntry(moov, stsd) : null;
            if (mdhd is null || stts is null || entry is null || BinaryPrimitives.ReadUInt32BigEndian(moov.AsSpan(stts.Value.Start + 4, 4)) == 0)
            {
                return null;
            }

            var scale = BinaryPrimitives.ReadUInt32BigEndian(moov.AsSpan(mdhd.Value.Start + (moov[mdhd.Value.Start] == 1 ? 20 : 12), 4));
            var delta = BinaryPrimitives.ReadUInt32BigEndian(moov.AsSpan(stts.Value.Start + 12, 4));
            var width = BinaryPrimitives.ReadUInt16BigEndian(moov.AsSpan(entry.Value.Start + 24, 2));
            var height = BinaryPrimitives.ReadUInt16BigEndian(moov.AsSpan(entry.Value.Start + 26, 2));
            return movieScale == 0 || delta == 0
                ? null
                : (width, height, (double)scale / delta, TimeSpan.FromSeconds((double)movieLength / movieScale));
        }

        return null;
    }

    private static string? VideoEntry(byte[] moov, Box stsd)
    {
        var entry = SingleEntry(moov, stsd);
        if (entry is null || entry.Value.Type != "avc1")
        {
            return null;
        }

        // VisualSampleEntry: 78 bytes of fields (width at 24, height at 26), then child boxes such as avcC.
        var e = entry.Value;
        var width = BinaryPrimitives.ReadUInt16BigEndian(moov.AsSpan(e.Start + 24, 2));
        var height = BinaryPrimitives.ReadUInt16BigEndian(moov.AsSpan(e.Start + 26, 2));
        var avcC = Children(moov, e.Start + 78, e.End).FirstOrDefault(b => b.Type == "avcC");
        return avcC.Type is null
            ? null
            : string.Create(CultureInfo.InvariantCulture, $"avc1/{width}x{height}/{Convert.ToHexString(moov, avcC.Start, avcC.End - avcC.Start)}");
    }

    private static string? AudioEntry(byte[] moov, Box stsd)
    {
        var entry = SingleEntry(moov, stsd);
        if (entry is null || entry.Value.Type != "mp4a")
        {
            return null;
        }

        // AudioSampleEntry (version 0): 28 bytes of fields (channels at 16, rate as 16.16 at 24), then esds.
        var e = entry.Value;
        if (BinaryPrimitives.ReadUInt16BigEndian(moov.AsSpan(e.Start + 8, 2)) != 0)
        {
            return null;
        }

        var channels = BinaryPrimitives.ReadUInt16BigEndian(moov.AsSpan(e.Start + 16, 2));
        var rate = BinaryPrimitives.ReadUInt16BigEndian(moov.AsSpan(e.Start + 24, 2));
        var esds = Children(moov, e.Start + 28, e.End).FirstOrDefault(b => b.Type == "esds");
        var config = esds.Type is null ? null : AudioSpecificConfig(moov, esds.Start + 4, esds.End);
        return config is null
            ? null
            : string.Create(CultureInfo.InvariantCulture, $"mp4a/{channels}/{rate}/{config}");
    }

    /// <summary>Walks the esds descriptors (ES → DecoderConfig → DecoderSpecificInfo) to the codec's own configuration.</summary>
    private static string? AudioSpecificConfig(byte[] data, int offset, int end)
    {
        string? objectType = null;
        while (offset < end)
        {
            var tag = data[offset++];
            var length = 0;
            for (var i = 0; i < 4; i++)
            {
                var b = data[offset++];
                length = (length << 7) | (b & 0x7F);
                if ((b & 0x80) == 0)
                {
                    break;
                }
            }

            switch (tag)
            {
                case 0x03:
                    // ES_ID (2), flags (1), then what the flags announce: a dependency (2), a URL (length-prefixed), an OCR id (2).
                    var flags = data[offset + 2];
                    offset += 3;
                    offset += (flags & 0x80) != 0 ? 2 : 0;
                    offset += (flags & 0x40) != 0 ? 1 + data[offset] : 0;
                    offset += (flags & 0x20) != 0 ? 2 : 0;
                    break;
                case 0x04:
                    objectType = data[offset].ToString("x2", CultureInfo.InvariantCulture);
                    offset += 13;
                    break;
                case 0x05:
                    return objectType is null ? null : $"{objectType}/{Convert.ToHexString(data, offset, length)}";
                default:
                    offset += length;
                    break;
            }
        }

        return null;
    }

    private static Box? SingleEntry(byte[] moov, Box stsd)
    {
        // stsd: version and flags (4), entry count (4), then the sample entries.
        if (BinaryPrimitives.ReadUInt32BigEndian(moov.AsSpan(stsd.Start + 4, 4)) != 1)
        {
            return null;
        }

        var entry = Children(moov, stsd.Start + 8, stsd.End).FirstOrDefault();
        return entry.Type is null ? null : entry;
    }

    private static Box? Child(byte[] data, Box parent, string type)
    {
        var child = Children(data, parent.Start, parent.End).FirstOrDefault(b => b.Type == type);
        return child.Type is null ? null : child;
    }

    private static IEnumerable<Box> Children(byte[] data, int start, int end)
    {
        var offset = start;
        while (offset + 8 <= end)
        {
            var size = (long)BinaryPrimitives.ReadUInt32BigEndian(data.AsSpan(offset, 4));
            var headerSize = 8;
            if (size == 1)
            {
                size = (long)BinaryPrimitives.ReadUInt64BigEndian(data.AsSpan(offset + 8, 8));
                headerSize = 16;
            }
            else if (size == 0)
            {
                size = end - offset;
            }

            if (size < headerSize || offset + size > end)
            {
                yield break;
            }

            yield return new Box(Encoding.ASCII.GetString(data, offset + 4, 4), offset + headerSize, (int)(offset + size));
            offset += (int)size;
        }
    }

    /// <summary>A box's type and where its payload starts and ends in the buffer.</summary>
    private readonly record struct Box(string Type, int Start, int End);
}
