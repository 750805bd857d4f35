using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text.Json.Nodes;
using Studio.Tests.Fakes.Hostile;

namespace Studio.Tests.Api;

/// <summary>
/// <c>/api/assets</c>: valid uploads of every accepted type stored with their kind and hash; listing, reading, downloading
/// (safe headers, ranges) and deleting one's own; another user's asset 404 on every route; delete refused while in use.
/// </summary>
public sealed class AssetsApiTests(AssetsAppFactory factory) : IClassFixture<AssetsAppFactory>
{
    private readonly HttpClient _client = factory.CreateApiClient();

    [Theory]
    [InlineData("png", "Image", "image/png")]
    [InlineData("jpg", "Image", "image/jpeg")]
    [InlineData("webp", "Image", "image/webp")]
    [InlineData("mp4", "Video", "video/mp4")]
    [InlineData("mov", "Video", "video/quicktime")]
    [InlineData("webm", "Video", "video/webm")]
    [InlineData("mp3", "Audio", "audio/mpeg")]
    [InlineData("wav", "Audio", "audio/wav")]
    [InlineData("m4a", "Audio", "audio/mp4")]
    public async Task Upload_ValidFile_201WithKindTypeSizeAndSha256(string extension, string kind, string contentType)
    {
        var bytes = await MediaSamples.GetAsync(extension);
        var before = await factory.StoredAsync();

        // The name's extension says nothing: the content decides.
        using var response = await _client.PostAsync("/api/assets", MultipartBody.Of(MultipartBody.File(bytes, $"My file.{extension}.bin")));

        response.StatusCode.Should().Be(HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        var asset = (await response.Content.ReadFromJsonAsync<JsonObject>())!;
        asset["kind"]!.GetValue<string>().Should().Be(kind);
        asset["contentType"]!.GetValue<string>().Should().Be(contentType);
        asset["size"]!.GetValue<long>().Should().Be(bytes.Length);
        asset["sha256"]!.GetValue<string>().Should().Be(Convert.ToHexStringLower(SHA256.HashData(bytes)));
        asset["fileName"]!.GetValue<string>().Should().Be($"My file.{extension}.bin");
        var id = asset["id"]!.GetValue<Guid>();
        response.Headers.Location!.ToString().Should().Be($"/api/assets/{id}");
        File.ReadAllBytes(Path.Combine(factory.DataDirectory, "assets", id.ToString("N"))).Should().Equal(bytes);
        (await factory.StoredAsync()).Should().Be((before.Rows + 1, before.Files + 1, 0));
    }

    [Fact]
    public async Task List_OnlyMine_NewestFirst()
    {
        var (_, client) = await factory.CreateUserAsync("lister");
        var first = await UploadAsync(client, "png", "first.png");
        var second = await UploadAsync(client, "wav", "second.wav");
        await UploadAsync(_client, "png", "admins.png");

        var list = (await client.GetFromJsonAsync<JsonArray>("/api/assets"))!;

        list.Select(a => a!["id"]!.GetValue<Guid>()).Should().Equal(second, first);
    }

    [Fact]
    public async Task Get_Mine_ReturnsItsShape()
    {
        var id = await UploadAsync(_client, "jpg", "shot.jpg");

        var asset = (await _client.GetFromJsonAsync<JsonObject>($"/api/assets/{id}"))!;

        asset["id"]!.GetValue<Guid>().Should().Be(id);
        asset["kind"]!.GetValue<string>().Should().Be("Image");
        asset["fileName"]!.GetValue<string>().Should().Be("shot.jpg");
    }

    [Fact]
    public async Task Content_Mine_AttachmentWithStoredTypeNosniffAndTheBytes()
    {
        var bytes = await MediaSamples.GetAsync("png");
        const string name = "Café \"menu\"; été.png";
        using var upload = await _client.PostAsync("/api/assets", MultipartBody.Of(MultipartBody.FileStar(bytes, name)));
        upload.StatusCode.Should().Be(HttpStatusCode.Created, await upload.Content.ReadAsStringAsync());
        var id = (await upload.Content.ReadFromJsonAsync<JsonObject>())!["id"]!.GetValue<Guid>();

        using var response = await _client.GetAsync($"/api/assets/{id}/content");

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        (await response.Content.ReadAsByteArrayAsync()).Should().Equal(bytes);
        response.Content.Headers.ContentType!.MediaType.Should().Be("image/png");
        response.Headers.GetValues("X-Content-Type-Options").Should().Equal("nosniff");
        response.Headers.GetValues("Content-Security-Policy").Single().Should().Contain("sandbox");
        var disposition = response.Content.Headers.ContentDisposition!;
        disposition.DispositionType.Should().Be("attachment");
        disposition.FileNameStar.Should().Be(name);
        disposition.FileName.Should().NotContainAny("\r", "\n").And.NotContain("é", "the plain filename is ASCII only");
        response.Headers.AcceptRanges.Should().Contain("bytes");
    }

    [Fact]
    public async Task Content_RangeRequest_206WithThoseBytes()
    {
        var bytes = await MediaSamples.GetAsync("mp4");
        var id = await UploadAsync(_client, "mp4", "clip.mp4");
        using var request = new HttpRequestMessage(HttpMethod.Get, $"/api/assets/{id}/content");
        request.Headers.Range = new RangeHeaderValue(10, 109);

        using var response = await _client.SendAsync(request);

        response.StatusCode.Should().Be(HttpStatusCode.PartialContent);
        response.Content.Headers.ContentRange!.Length.Should().Be(bytes.Length);
        (await response.Content.ReadAsByteArrayAsync()).Should().Equal(bytes[10..110]);
    }

    [Fact]
    public async Task EveryRoute_AnotherUsersAsset_404LikeAMissingOne()
    {
        var id = await UploadAsync(_client, "png", "admins.png");
        var (_, stranger) = await factory.CreateUserAsync("stranger");
        var missing = Guid.NewGuid();

        foreach (var target in new[] { id, missing })
        {
            (await stranger.GetAsync($"/api/assets/{target}")).StatusCode.Should().Be(HttpStatusCode.NotFound);
            (await stranger.GetAsync($"/api/assets/{target}/content")).StatusCode.Should().Be(HttpStatusCode.NotFound);
            (await stranger.DeleteAsync($"/api/assets/{target}")).StatusCode.Should().Be(HttpStatusCode.NotFound);
        }

        (await stranger.GetFromJsonAsync<JsonArray>("/api/assets"))!.Should().BeEmpty();
        (await _client.GetAsync($"/api/assets/{id}/content")).StatusCode.Should().Be(HttpStatusCode.OK, "the stranger's delete left it alone");
    }

    [Fact]
    public async Task Delete_Mine_204AndFileAndRowGone()
    {
        var id = await UploadAsync(_client, "wav", "gone.wav");
        var before = await factory.StoredAsync();

        using var response = await _client.DeleteAsync($"/api/assets/{id}");

        response.StatusCode.Should().Be(HttpStatusCode.NoContent);
        File.Exists(Path.Combine(factory.DataDirectory, "assets", id.ToString("N"))).Should().BeFalse();
        (await factory.StoredAsync()).Should().Be((before.Rows - 1, before.Files - 1, 0));
        (await _client.GetAsync($"/api/assets/{id}")).StatusCode.Should().Be(HttpStatusCode.NotFound);
        (await _client.DeleteAsync($"/api/assets/{id}")).StatusCode.Should().Be(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Delete_MusicOfAnUnfinishedJob_409UntilTheJobIsCancelled()
    {
        var music = await UploadAsync(_client, "wav", "music.wav");
        var created = await _client.PostAsJsonAsync("/api/jobs", new { theme = "x", template = "Reels 30s Standard", musicAssetId = music });
        created.StatusCode.Should().Be(HttpStatusCode.Created, await created.Content.ReadAsStringAsync());
        var job = (await created.Content.ReadFromJsonAsync<JsonObject>())!["id"]!.GetValue<Guid>();

        using var refused = await _client.DeleteAsync($"/api/assets/{music}");

        refused.StatusCode.Should().Be(HttpStatusCode.Conflict);
        (await refused.Content.ReadFromJsonAsync<JsonObject>())!["detail"]!.GetValue<string>().Should().Contain("not finished");
        File.Exists(Path.Combine(factory.DataDirectory, "assets", music.ToString("N"))).Should().BeTrue();
        (await _client.GetAsync($"/api/assets/{music}")).StatusCode.Should().Be(HttpStatusCode.OK);

        (await _client.PostAsync($"/api/jobs/{job}/cancel", null)).IsSuccessStatusCode.Should().BeTrue();
        (await _client.DeleteAsync($"/api/assets/{music}")).StatusCode.Should().Be(HttpStatusCode.NoContent);
    }

    [Fact]
    public async Task Delete_ImageOfASegmentOfADraftJob_409SayingWhichJob()
    {
        var image = await UploadAsync(_client, "png", "scene.png");
        object[] segments = [.. Enumerable.Range(0, 6).Select(i => i == 2
            ? (object)new { prompt = $"Scene {i}", narration = $"Line {i}.", mode = "ImageToVideo", assetId = image }
            : new { prompt = $"Scene {i}", narration = $"Line {i}." })];
        var created = await _client.PostAsJsonAsync("/api/jobs", new { title = "Hybrid draft", theme = "x", template = "Reels 30s Standard", provider = "local", segments });
        created.StatusCode.Should().Be(HttpStatusCode.Created, await created.Content.ReadAsStringAsync());

        using var refused = await _client.DeleteAsync($"/api/assets/{image}");

        refused.StatusCode.Should().Be(HttpStatusCode.Conflict);
        (await refused.Content.ReadFromJsonAsync<JsonObject>())!["detail"]!.GetValue<string>().Should().Contain("'Hybrid draft' (Draft)");
        (await _client.GetAsync($"/api/assets/{image}/content")).StatusCode.Should().Be(HttpStatusCode.OK);
    }

    private static async Task<Guid> UploadAsync(HttpClient client, string extension, string name)
    {
        using var response = await client.PostAsync("/api/assets", MultipartBody.Of(MultipartBody.File(await MediaSamples.GetAsync(extension), name)));
        response.StatusCode.Should().Be(HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        return (await response.Content.ReadFromJsonAsync<JsonObject>())!["id"]!.GetValue<Guid>();
    }
}
