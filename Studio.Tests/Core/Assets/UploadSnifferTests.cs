using Studio.Core.Assets;

namespace Studio.Tests.Core.Assets;

public sealed class UploadSnifferTests
{
    public static TheoryData<byte[], string> Accepted => new()
    {
        { [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13], "image/png" },
        { [0xFF, 0xD8, 0xFF, 0xE0, 0, 16, .. "JFIF"u8, 0, 1], "image/jpeg" },
        { [.. "RIFF"u8, 1, 0, 0, 0, .. "WEBPVP8 "u8], "image/webp" },
        { [.. "RIFF"u8, 1, 0, 0, 0, .. "WAVEfmt "u8], "audio/wav" },
        { [0, 0, 0, 24, .. "ftypisom"u8, 0, 0, 2, 0], "video/mp4" },
        { [0, 0, 0, 20, .. "ftypqt  "u8, 0, 0, 2, 0], "video/quicktime" },
        { [0, 0, 0, 28, .. "ftypM4A "u8, 0, 0, 2, 0], "audio/mp4" },
        { [0x1A, 0x45, 0xDF, 0xA3, 0x9F, 0x42, 0x86, 0x81, 0x01, 0x42, 0x82, 0x84, .. "webm"u8], "video/webm" },
        { [.. "ID3"u8, 4, 0, 0, 0, 0, 0, 0, 0, 0], "audio/mpeg" },
        { [0xFF, 0xFB, 0x90, 0x64, 0, 0, 0, 0, 0, 0, 0, 0], "audio/mpeg" },
    };

    [Theory]
    [MemberData(nameof(Accepted))]
    public void Sniff_AcceptedMagicBytes_ReturnsTheType(byte[] header, string contentType)
    {
        UploadSniffer.Sniff(header, CoreLocalizers.For(typeof(UploadSniffer)), out _)!.ContentType.Should().Be(contentType);
    }

    [Theory]
    [InlineData("PK\u0003\u0004rest-of-a-zip", "ZIP")]
    [InlineData("#!/bin/bash\necho hi", "script")]
    [InlineData("  <svg onload=alert(1)>", "markup")]
    [InlineData("GIF89a..........", "GIF")]
    [InlineData("hello, this is text", "text")]
    public void Sniff_RefusedContent_NullAndSaysWhatItIs(string header, string named)
    {
        UploadSniffer.Sniff(System.Text.Encoding.ASCII.GetBytes(header), CoreLocalizers.For(typeof(UploadSniffer)), out var refusal).Should().BeNull();
        refusal.Should().Contain(named);
    }

    [Fact]
    public void Sniff_JpegStartIsNotMistakenForMp3FrameSync()
    {
        // FF D8 is also FF + a byte with high bits set: the MPEG sync rule must not take it.
        UploadSniffer.Sniff([0xFF, 0xD8, 0xFF, 0xDB, 0, 0, 0, 0, 0, 0, 0, 0], CoreLocalizers.For(typeof(UploadSniffer)), out _).Should().Be(SniffedType.Jpeg);
    }
}
