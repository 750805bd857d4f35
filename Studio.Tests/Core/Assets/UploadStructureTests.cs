using Studio.Core.Assets;
using Studio.Tests.Fakes.Hostile;

namespace Studio.Tests.Core.Assets;

public sealed class UploadStructureTests : IDisposable
{
    private readonly string _file = Path.Combine(Path.GetTempPath(), $"structure-{Guid.NewGuid():N}");

    [Theory]
    [InlineData("png")]
    [InlineData("jpg")]
    [InlineData("webp")]
    [InlineData("mp4")]
    [InlineData("mov")]
    [InlineData("webm")]
    [InlineData("wav")]
    [InlineData("m4a")]
    public async Task Problem_WholeFile_None(string extension)
    {
        var bytes = await MediaSamples.GetAsync(extension);
        await File.WriteAllBytesAsync(_file, bytes);

        UploadStructure.Problem(_file, UploadSniffer.Sniff(bytes, CoreLocalizers.For(typeof(UploadSniffer)), out _)!, CoreLocalizers.For(typeof(UploadStructure))).Should().BeNull();
    }

    [Theory]
    [InlineData("png")]
    [InlineData("jpg")]
    [InlineData("webp")]
    [InlineData("mp4")]
    [InlineData("webm")]
    [InlineData("wav")]
    public async Task Problem_CutShort_Named(string extension)
    {
        var bytes = await MediaSamples.GetAsync(extension);
        await File.WriteAllBytesAsync(_file, bytes[..(bytes.Length * 3 / 4)]);

        UploadStructure.Problem(_file, UploadSniffer.Sniff(bytes, CoreLocalizers.For(typeof(UploadSniffer)), out _)!, CoreLocalizers.For(typeof(UploadStructure))).Should().NotBeNull();
    }

    [Theory]
    [InlineData("png")]
    [InlineData("mp3")]
    [InlineData("mp4")]
    public async Task Problem_ZipAppended_CalledAPolyglot(string extension)
    {
        var bytes = await MediaSamples.GetAsync(extension);
        await File.WriteAllBytesAsync(_file, [.. bytes, .. HostileBytes.ZipWithScript()]);

        UploadStructure.Problem(_file, UploadSniffer.Sniff(bytes, CoreLocalizers.For(typeof(UploadSniffer)), out _)!, CoreLocalizers.For(typeof(UploadStructure))).Should().Contain("polyglot");
    }

    [Fact]
    public async Task PngSize_ReadsTheHeader()
    {
        await File.WriteAllBytesAsync(_file, HostileBytes.HugePng(10_000, 7_000, withPixels: false));

        UploadStructure.PngSize(_file).Should().Be((10_000L, 7_000L));
    }

    public void Dispose() => File.Delete(_file);
}
