using System.Buffers.Binary;
using System.Text;

namespace Studio.Tests.Core.Assembly;

/// <summary>Reads where an MP4's top-level boxes sit, to check faststart (moov before mdat).</summary>
public static class Mp4TopLevelBoxes
{
    /// <summary>Offsets of the top-level boxes of an MP4, by type (first occurrence).</summary>
    public static Dictionary<string, long> Read(string file)
    {
        using var stream = File.OpenRead(file);
        var boxes = new Dictionary<string, long>(StringComparer.Ordinal);
        var header = new byte[16];
        long offset = 0;
        while (offset + 8 <= stream.Length)
        {
            stream.Position = offset;
            stream.ReadExactly(header, 0, 8);
            long size = BinaryPrimitives.ReadUInt32BigEndian(header);
            var type = Encoding.ASCII.GetString(header, 4, 4);
            if (size == 1)
            {
                stream.ReadExactly(header, 8, 8);
                size = (long)BinaryPrimitives.ReadUInt64BigEndian(header.AsSpan(8));
            }
            else if (size == 0)
            {
                size = stream.Length - offset;
            }

            boxes.TryAdd(type, offset);
            offset += size;
        }

        return boxes;
    }
}
