using System.Net;
using System.Security.Cryptography;
using Studio.Core.Storage;
using Studio.Tests.Builders;

namespace Studio.Tests.Core.Storage;

/// <summary>The S3 file store against a real S3-compatible server (s3rver) on loopback.</summary>
public sealed class S3FileStoreTests(S3rverHost s3) : IClassFixture<S3rverHost>, IDisposable
{
    private readonly S3FileStore _store = new(s3.Options(), TimeProvider.System, Microsoft.Extensions.Logging.Abstractions.NullLogger<S3FileStore>.Instance);
    private readonly string _folder = $"jobs/{Guid.NewGuid():N}";

    [Fact]
    public async Task PutAsync_MultiMegabyteUnseekableStream_ReadsBackTheSameBytes()
    {
        // 12 MiB and a bit with 5 MiB parts: a multipart upload of three parts, the last one short.
        var content = RandomNumberGenerator.GetBytes((12 * 1024 * 1024) + 4321);
        var key = $"{_folder}/takes/0-1.mp4";

        await _store.PutAsync(key, new UnseekableStream(content), CancellationToken.None);

        await using var read = await _store.OpenReadAsync(key, CancellationToken.None);
        using var copy = new MemoryStream();
        await read.CopyToAsync(copy);
        copy.Length.Should().Be(content.Length);
        SHA256.HashData(copy.ToArray()).Should().Equal(SHA256.HashData(content));
    }

    [Fact]
    public async Task PutAsync_SameKeyAgain_ReplacesTheContent()
    {
        var key = $"{_folder}/out/captions.srt";
        await _store.PutAsync(key, new MemoryStream("first"u8.ToArray()), CancellationToken.None);

        await _store.PutAsync(key, new MemoryStream("second"u8.ToArray()), CancellationToken.None);

        (await ReadAllAsync(key)).Should().Equal("second"u8.ToArray());
    }

    [Fact]
    public async Task PutAsync_ContentFailsAfterTheFirstPart_KeepsThePreviousFileWhole()
    {
        var key = $"{_folder}/out/clips.zip";
        await _store.PutAsync(key, new MemoryStream("previous"u8.ToArray()), CancellationToken.None);

        var broken = new BreaksAfter(RandomNumberGenerator.GetBytes(8 * 1024 * 1024), 6 * 1024 * 1024);
        await _store.Invoking(s => s.PutAsync(key, broken, CancellationToken.None)).Should().ThrowAsync<IOException>();

        (await ReadAllAsync(key)).Should().Equal("previous"u8.ToArray(), "a multipart upload that did not complete replaces nothing");
    }

    [Fact]
    public async Task OpenReadAsync_SeekThenRead_ReadsFromThatPosition()
    {
        // What a range request served through Studio does (downloads with redirects turned off).
        var content = RandomNumberGenerator.GetBytes(100_000);
        var key = $"{_folder}/out/final.mp4";
        await _store.PutAsync(key, new MemoryStream(content), CancellationToken.None);
        await using var read = await _store.OpenReadAsync(key, CancellationToken.None);
        read.CanSeek.Should().BeTrue();
        read.Length.Should().Be(content.Length);
        var head = new byte[10];
        await read.ReadExactlyAsync(head);

        read.Seek(90_000, SeekOrigin.Begin);
        var tail = new byte[10_000];
        await read.ReadExactlyAsync(tail);

        head.Should().Equal(content[..10]);
        tail.Should().Equal(content[90_000..]);
        (await read.ReadAsync(new byte[1])).Should().Be(0);
    }

    [Fact]
    public async Task ExistsAndDelete_StoredFile_ExistsUntilDeletedThenCannotBeOpened()
    {
        var key = $"{_folder}/out/poster.jpg";
        (await _store.ExistsAsync(key, CancellationToken.None)).Should().BeFalse();
        await _store.PutAsync(key, new MemoryStream([1, 2, 3]), CancellationToken.None);
        (await _store.ExistsAsync(key, CancellationToken.None)).Should().BeTrue();

        await _store.DeleteAsync(key, CancellationToken.None);

        (await _store.ExistsAsync(key, CancellationToken.None)).Should().BeFalse();
        await _store.Invoking(s => s.OpenReadAsync(key, CancellationToken.None)).Should().ThrowAsync<FileNotFoundException>();
        await _store.Invoking(s => s.DeleteAsync(key, CancellationToken.None)).Should().NotThrowAsync("deleting what is not there is no error");
    }

    [Fact]
    public async Task PromoteAsync_ScratchFile_IsStoredAndTheScratchFileIsGone()
    {
        using var scratch = new TempFolder();
        var file = scratch.File("final.mp4");
        await File.WriteAllBytesAsync(file, [9, 8, 7]);

        await _store.PromoteAsync(file, $"{_folder}/out/final.mp4", CancellationToken.None);

        (await ReadAllAsync($"{_folder}/out/final.mp4")).Should().Equal(9, 8, 7);
        File.Exists(file).Should().BeFalse();
        _store.TryGetLocalPath($"{_folder}/out/final.mp4").Should().BeNull("nothing of an S3 store is on local disk");
    }

    [Fact]
    public async Task DeleteFolderAsync_JobFolder_RemovesEverythingUnderItAndNothingBeside()
    {
        var beside = _folder + "x/out/final.mp4"; // shares the folder's name as a prefix, but is another folder
        foreach (var key in (string[])[$"{_folder}/takes/0-1.mp4", $"{_folder}/out/final.mp4", beside])
        {
            await _store.PutAsync(key, new MemoryStream([1]), CancellationToken.None);
        }

        await _store.DeleteFolderAsync(_folder, CancellationToken.None);

        (await _store.ExistsAsync($"{_folder}/takes/0-1.mp4", CancellationToken.None)).Should().BeFalse();
        (await _store.ExistsAsync($"{_folder}/out/final.mp4", CancellationToken.None)).Should().BeFalse();
        (await _store.ExistsAsync(beside, CancellationToken.None)).Should().BeTrue();
    }

    [Fact]
    public async Task ReadLink_FetchedWithAPlainHttpClient_ServesTheBytesAsTheNamedType()
    {
        var key = $"{_folder}/out/final.mp4";
        await _store.PutAsync(key, new MemoryStream([0, 0, 0, 24, 102, 116, 121, 112]), CancellationToken.None);

        var link = _store.ReadLink(key, "video/mp4", "my-video.mp4")!;

        link.Host.Should().Be("127.0.0.1");
        int.Parse(System.Web.HttpUtility.ParseQueryString(link.Query)["X-Amz-Expires"]!, System.Globalization.CultureInfo.InvariantCulture)
            .Should().BeInRange(899, 901, "links live 15 minutes by default (the SDK rounds to whole seconds)");
        using var http = new HttpClient();
        using var response = await http.GetAsync(link);
        response.StatusCode.Should().Be(HttpStatusCode.OK);
        response.Content.Headers.ContentType!.MediaType.Should().Be("video/mp4");
        response.Content.Headers.ContentDisposition!.DispositionType.Should().Be("attachment");
        response.Content.Headers.ContentDisposition.FileNameStar.Should().Be("my-video.mp4");
        (await response.Content.ReadAsByteArrayAsync()).Should().Equal(0, 0, 0, 24, 102, 116, 121, 112);
    }

    [Fact]
    public async Task ReadLink_PastItsLifetime_IsRefused()
    {
        var key = $"{_folder}/out/poster.jpg";
        await _store.PutAsync(key, new MemoryStream([1, 2]), CancellationToken.None);
        var link = _store.ReadLink(key, "image/jpeg", null)!;

        // The same link as if it had been signed an hour ago (s3rver does not verify V4 signatures, only the time).
        var query = System.Web.HttpUtility.ParseQueryString(link.Query);
        var signedAt = DateTime.ParseExact(query["X-Amz-Date"]!, "yyyyMMdd'T'HHmmss'Z'", System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.AdjustToUniversal | System.Globalization.DateTimeStyles.AssumeUniversal);
        var old = link.AbsoluteUri.Replace(query["X-Amz-Date"]!, signedAt.AddHours(-1).ToString("yyyyMMdd'T'HHmmss'Z'", System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal);
        using var http = new HttpClient();

        using var response = await http.GetAsync(new Uri(old));

        response.StatusCode.Should().Be(HttpStatusCode.Forbidden);
        (await response.Content.ReadAsStringAsync()).Should().Contain("expired");
    }

    [Fact]
    public async Task ReadLink_SignedWithAnUnknownKey_IsRefused()
    {
        var key = $"{_folder}/out/poster.jpg";
        await _store.PutAsync(key, new MemoryStream([1, 2]), CancellationToken.None);
        using var forger = new S3FileStore(s3.Options(o => (o.AccessKey, o.SecretKey) = ("FORGED", "not-the-secret")), TimeProvider.System, Microsoft.Extensions.Logging.Abstractions.NullLogger<S3FileStore>.Instance);

        using var http = new HttpClient();
        using var response = await http.GetAsync(forger.ReadLink(key, "image/jpeg", null));

        response.StatusCode.Should().Be(HttpStatusCode.Forbidden);
    }

    public void Dispose() => _store.Dispose();

    private async Task<byte[]> ReadAllAsync(string key)
    {
        await using var read = await _store.OpenReadAsync(key, CancellationToken.None);
        using var copy = new MemoryStream();
        await read.CopyToAsync(copy);
        return copy.ToArray();
    }

    /// <summary>An upload whose client goes away: reading past <paramref name="limit"/> bytes fails.</summary>
    private sealed class BreaksAfter(byte[] content, int limit) : MemoryStream(content, writable: false)
    {
        public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default) =>
            Position >= limit ? throw new IOException("The client went away.") : await base.ReadAsync(buffer[..(int)Math.Min(buffer.Length, limit - Position)], cancellationToken);
    }

    /// <summary>A request body as it arrives: read once, length unknown.</summary>
    private sealed class UnseekableStream(byte[] content) : MemoryStream(content, writable: false)
    {
        public override bool CanSeek => false;

        public override long Length => throw new NotSupportedException();

        public override long Position
        {
            get => throw new NotSupportedException();
            set => throw new NotSupportedException();
        }
    }
}
