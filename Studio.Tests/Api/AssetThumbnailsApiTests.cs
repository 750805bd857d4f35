using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Options;
using Studio.Core.Media;
using Studio.Tests.Fakes.Hostile;

namespace Studio.Tests.Api;

/// <summary>
/// <c>GET /api/assets/{id}/thumbnail</c>: a JPEG preview 320 px wide made by FFmpeg on first request (images scaled,
/// clips' poster frame), none for sound, none for another user, and removed with its asset.
/// </summary>
public sealed class AssetThumbnailsApiTests(AssetsAppFactory factory) : IClassFixture<AssetsAppFactory>
{
    private readonly HttpClient _client = factory.CreateApiClient();

    [Theory]
    [InlineData("png")]
    [InlineData("jpg")]
    [InlineData("webp")]
    [InlineData("mp4")]
    [InlineData("mov")]
    [InlineData("webm")]
    public async Task Thumbnail_ImageOrClip_JpegScaledTo320Wide(string extension)
    {
        var id = await UploadAsync(_client, extension);

        using var response = await _client.GetAsync($"/api/assets/{id}/thumbnail");

        response.StatusCode.Should().Be(HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        response.Content.Headers.ContentType!.MediaType.Should().Be("image/jpeg");
        response.Headers.GetValues("X-Content-Type-Options").Should().Equal("nosniff");
        var bytes = await response.Content.ReadAsByteArrayAsync();
        bytes.Take(3).Should().Equal(0xFF, 0xD8, 0xFF);
        var file = Path.Combine(Path.GetTempPath(), $"thumb-{Guid.NewGuid():N}.jpg");
        try
        {
            await File.WriteAllBytesAsync(file, bytes);
            var info = await new FfmpegCoreMediaEngine(Options.Create(new MediaOptions())).ProbeAsync(file, CancellationToken.None);
            info.Width.Should().Be(320);
            info.Height.Should().Be(240, "the 64×48 samples keep their 4:3 shape");
        }
        finally
        {
            File.Delete(file);
        }
    }

    [Fact]
    public async Task Thumbnail_SecondRequest_ServesTheKeptPreview()
    {
        var id = await UploadAsync(_client, "mp4");
        using var first = await _client.GetAsync($"/api/assets/{id}/thumbnail");
        first.StatusCode.Should().Be(HttpStatusCode.OK);
        var kept = Path.Combine(factory.DataDirectory, "thumbnails", $"{id:N}.jpg");
        var madeAt = File.GetLastWriteTimeUtc(kept);

        using var second = await _client.GetAsync($"/api/assets/{id}/thumbnail");

        (await second.Content.ReadAsByteArrayAsync()).Should().Equal(await first.Content.ReadAsByteArrayAsync());
        File.GetLastWriteTimeUtc(kept).Should().Be(madeAt, "the preview is made once");
    }

    [Fact]
    public async Task Thumbnail_Sound_404()
    {
        var id = await UploadAsync(_client, "mp3");

        using var response = await _client.GetAsync($"/api/assets/{id}/thumbnail");

        response.StatusCode.Should().Be(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Thumbnail_AnotherUsersAsset_404AndNothingMade()
    {
        var id = await UploadAsync(_client, "png");
        var (_, stranger) = await factory.CreateUserAsync("thumb-stranger");

        using var response = await stranger.GetAsync($"/api/assets/{id}/thumbnail");

        response.StatusCode.Should().Be(HttpStatusCode.NotFound);
        File.Exists(Path.Combine(factory.DataDirectory, "thumbnails", $"{id:N}.jpg")).Should().BeFalse();
    }

    [Fact]
    public async Task Delete_AssetWithPreview_RemovesThePreviewToo()
    {
        var id = await UploadAsync(_client, "jpg");
        using (var made = await _client.GetAsync($"/api/assets/{id}/thumbnail"))
        {
            made.StatusCode.Should().Be(HttpStatusCode.OK);
        }

        var kept = Path.Combine(factory.DataDirectory, "thumbnails", $"{id:N}.jpg");
        File.Exists(kept).Should().BeTrue();

        using var deleted = await _client.DeleteAsync($"/api/assets/{id}");

        deleted.StatusCode.Should().Be(HttpStatusCode.NoContent);
        File.Exists(kept).Should().BeFalse();
        (await _client.GetAsync($"/api/assets/{id}/thumbnail")).StatusCode.Should().Be(HttpStatusCode.NotFound);
    }

    private static async Task<Guid> UploadAsync(HttpClient client, string extension)
    {
        using var response = await client.PostAsync("/api/assets", MultipartBody.Of(MultipartBody.File(await MediaSamples.GetAsync(extension), $"sample.{extension}")));
        response.StatusCode.Should().Be(HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        return (await response.Content.ReadFromJsonAsync<JsonObject>())!["id"]!.GetValue<Guid>();
    }
}
