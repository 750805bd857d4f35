using System.Buffers.Binary;

namespace Studio.Tests.Fakes.Stability;

/// <summary>Reads an image's format and size from its header, as a vendor checks an upload: PNG (IHDR) or baseline/progressive JPEG (SOF).</summary>
public static class ImageHeaders
{
    /// <summary>("png" | "jpeg", width, height), or null when the bytes are neither.</summary>
    public static (string Format, int Width, int Height)? Read(byte[] bytes)
    {
        if (bytes.Length > 24 && bytes.AsSpan(0, 8).SequenceEqual(new byte[] { 0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A }))
        {
            return ("png", BinaryPrimitives.ReadInt32BigEndian(bytes.AsSpan(16)), BinaryPrimitives.ReadInt32BigEndian(bytes.AsSpan(20)));
        }

        if (bytes.Length < 4 || bytes[0] != 0xFF || bytes[1] != 0xD8)
        {
            return null;
        }

        var i = 2;
        while (i + 9 < bytes.Length)
        {
            if (bytes[i] != 0xFF)
            {
                return null;
            }

            var marker = bytes[i + 1];
            var length = BinaryPrimitives.ReadUInt16BigEndian(bytes.AsSpan(i + 2));
            if (marker is >= 0xC0 and <= 0xCF and not 0xC4 and not 0xC8 and not 0xCC)
            {
                return ("jpeg", BinaryPrimitives.ReadUInt16BigEndian(bytes.AsSpan(i + 7)), BinaryPrimitives.ReadUInt16BigEndian(bytes.AsSpan(i + 5)));
            }

            i += 2 + length;
        }

        return null;
    }
}
