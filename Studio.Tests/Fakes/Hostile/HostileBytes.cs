using System.Buffers.Binary;
using System.IO.Compression;
using System.Text;

namespace Studio.Tests.Fakes.Hostile;

/// <summary>Hostile file contents, built in code: archives, bombs, polyglots, damaged and misleading media.</summary>
public static class HostileBytes
{
    public static readonly byte[] PngSignature = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A];

    public static byte[] Text(string text) => Encoding.UTF8.GetBytes(text);

    /// <summary>A ZIP holding one file of <paramref name="size"/> zero bytes: tiny on disk, huge unpacked.</summary>
    public static byte[] ZipBomb(long size, string entryName = "zeros.bin")
    {
        using var buffer = new MemoryStream();
        using (var zip = new ZipArchive(buffer, ZipArchiveMode.Create, leaveOpen: true))
        {
            using var entry = zip.CreateEntry(entryName, CompressionLevel.SmallestSize).Open();
            var zeros = new byte[1024 * 1024];
            for (long written = 0; written < size; written += zeros.Length)
            {
                entry.Write(zeros);
            }
        }

        return buffer.ToArray();
    }

    /// <summary>A ZIP of ten ZIP bombs.</summary>
    public static byte[] NestedZipBomb()
    {
        var inner = ZipBomb(16L * 1024 * 1024);
        using var buffer = new MemoryStream();
        using (var zip = new ZipArchive(buffer, ZipArchiveMode.Create, leaveOpen: true))
        {
            for (var i = 0; i < 10; i++)
            {
                using var entry = zip.CreateEntry($"layer{i}.zip").Open();
                entry.Write(inner);
            }
        }

        return buffer.ToArray();
    }

    /// <summary>A small ZIP with a script in it, to append to media (the GIFAR trick).</summary>
    public static byte[] ZipWithScript()
    {
        using var buffer = new MemoryStream();
        using (var zip = new ZipArchive(buffer, ZipArchiveMode.Create, leaveOpen: true))
        {
            using var entry = new StreamWriter(zip.CreateEntry("payload.js").Open());
            entry.Write("alert(document.cookie)");
        }

        return buffer.ToArray();
    }

    public static byte[] Gzip(long size)
    {
        using var buffer = new MemoryStream();
        using (var gzip = new GZipStream(buffer, CompressionLevel.SmallestSize, leaveOpen: true))
        {
            var zeros = new byte[1024 * 1024];
            for (long written = 0; written < size; written += zeros.Length)
            {
                gzip.Write(zeros);
            }
        }

        return buffer.ToArray();
    }

    /// <summary>A PNG whose header says <paramref name="width"/>×<paramref name="height"/>, with a real IDAT of zero rows when <paramref name="withPixels"/>.</summary>
    public static byte[] HugePng(int width, int height, bool withPixels)
    {
        using var png = new MemoryStream();
        png.Write(PngSignature);
        var ihdr = new byte[13];
        BinaryPrimitives.WriteInt32BigEndian(ihdr.AsSpan(0), width);
        BinaryPrimitives.WriteInt32BigEndian(ihdr.AsSpan(4), height);
        ihdr[8] = 8; // bit depth; colour type 0 = grey
        Chunk(png, "IHDR", ihdr);
        if (withPixels)
        {
            using var data = new MemoryStream();
            using (var zlib = new ZLibStream(data, CompressionLevel.SmallestSize, leaveOpen: true))
            {
                var row = new byte[width + 1];
                for (var y = 0; y < height; y++)
                {
                    zlib.Write(row);
                }
            }

            Chunk(png, "IDAT", data.ToArray());
        }

        Chunk(png, "IEND", []);
        return png.ToArray();
    }

    public static byte[] Riff(string form, int payload)
    {
        var bytes = new byte[12 + payload];
        "RIFF"u8.CopyTo(bytes);
        BinaryPrimitives.WriteInt32LittleEndian(bytes.AsSpan(4), bytes.Length - 8);
        Encoding.ASCII.GetBytes(form).CopyTo(bytes, 8);
        new Random(7).NextBytes(bytes.AsSpan(12));
        return bytes;
    }

    public static byte[] Ftyp(string brand, int garbage)
    {
        var bytes = new byte[24 + garbage];
        BinaryPrimitives.WriteInt32BigEndian(bytes, 24);
        "ftyp"u8.CopyTo(bytes.AsSpan(4));
        Encoding.ASCII.GetBytes(brand).CopyTo(bytes, 8);
        Encoding.ASCII.GetBytes(brand).CopyTo(bytes, 16);
        new Random(11).NextBytes(bytes.AsSpan(24));
        return bytes;
    }

    /// <summary>An MP4's boxes without its movie header (moov), sizes all consistent.</summary>
    public static byte[] WithoutBox(byte[] mp4, string box)
    {
        using var kept = new MemoryStream();
        var position = 0;
        while (position + 8 <= mp4.Length)
        {
            var size = (int)BinaryPrimitives.ReadUInt32BigEndian(mp4.AsSpan(position));
            if (Encoding.ASCII.GetString(mp4, position + 4, 4) != box)
            {
                kept.Write(mp4, position, size);
            }

            position += size;
        }

        return kept.ToArray();
    }

    public static byte[] StartingWith(byte[] head, int total, int seed = 3)
    {
        var bytes = new byte[total];
        new Random(seed).NextBytes(bytes);
        head.CopyTo(bytes, 0);
        return bytes;
    }

    public static byte[] Cut(byte[] bytes, double fraction) => bytes[..(int)(bytes.Length * fraction)];

    public static byte[] Concat(params byte[][] parts) => [.. parts.SelectMany(p => p)];

    private static void Chunk(Stream png, string type, byte[] data)
    {
        Span<byte> length = stackalloc byte[4];
        BinaryPrimitives.WriteInt32BigEndian(length, data.Length);
        png.Write(length);
        png.Write(Encoding.ASCII.GetBytes(type));
        png.Write(data);
        png.Write(new byte[4]); // CRC: never reached, the header alone is refused
    }
}
