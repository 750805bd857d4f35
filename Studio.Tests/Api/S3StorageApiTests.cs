using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using Studio.Core.Events;
using Studio.Core.Jobs;
using Studio.Core.Media;
using Studio.Core.Storage;
using Studio.Tests.Builders;
using Studio.Tests.Fakes.Hostile;

namespace Studio.Tests.Api;

/// <summary>
/// The real app with its files in an S3-compatible bucket (s3rver on loopback): uploads stream into the bucket,
/// FFmpeg works on scratch copies, and downloads redirect to presigned URLs that serve the bytes.
/// </summary>
public sealed class S3StorageApiTests(S3StorageApiTests.Fixture fixture) : IClassFixture<S3StorageApiTests.Fixture>
{
    private StudioAppFactory App => fixture.App;

    [Fact]
    public async Task LocalJobWithUploadedMusic_Finished_VideoDownloadRedirectsToAPresignedUrlServingTheMp4()
    {
        var client = App.CreateApiClient();
        await App.EnsureTinyTemplateAsync();
        var music = await UploadAsync(client, await MusicBytesAsync(), "track.mp3");
        var created = await client.PostAsJsonAsync("/api/jobs", new { title = "In the bucket", theme = "Storage", template = StudioAppFactory.TinyTemplate, musicAssetId = music });
        created.StatusCode.Should().Be(HttpStatusCode.Created, await created.Content.ReadAsStringAsync());
        var id = (await created.Content.ReadFromJsonAsync<JsonObject>())!["id"]!.GetValue<Guid>();
        var finished = App.Services.GetRequiredService<IJobEvents>().WaitUntilFinishedAsync(id, TimeSpan.FromMinutes(3));

        await client.PostAsync($"/api/jobs/{id}/start", null);

        (await finished).Should().Be(JobStatus.Completed, (await client.GetFromJsonAsync<JsonObject>($"/api/jobs/{id}"))!["error"]?.ToString());
        Directory.Exists(Path.Combine(App.DataDirectory, "jobs")).Should().BeFalse("the job's files are in the bucket, not on disk");
        using var download = await client.GetAsync($"/api/jobs/{id}/video");
        download.StatusCode.Should().Be(HttpStatusCode.Redirect);
        var link = download.Headers.Location!;
        link.Authority.Should().Be(fixture.S3.ServiceUrl.Authority);
        link.Query.Should().Contain("X-Amz-Signature=");

        using var plain = new HttpClient();
        using var video = await plain.GetAsync(link);
        video.StatusCode.Should().Be(HttpStatusCode.OK);
        video.Content.Headers.ContentType!.MediaType.Should().Be("video/mp4");
        video.Content.Headers.ContentDisposition!.FileNameStar.Should().Be("in-the-bucket.mp4");
        var bytes = await video.Content.ReadAsByteArrayAsync();
        System.Text.Encoding.ASCII.GetString(bytes, 4, 4).Should().Be("ftyp", "the bytes are an MP4");
        bytes.Length.Should().BeGreaterThan(1000);
    }

    [Fact]
    public async Task UploadedImage_ContentRedirectsToTheSameBytes_AndItsPreviewIsMadeFromAScratchCopy()
    {
        var client = App.CreateApiClient();
        var png = await MediaSamples.GetAsync("png");
        var id = await UploadAsync(client, png, "picture.png");

        using var content = await client.GetAsync($"/api/assets/{id}/content");
        content.StatusCode.Should().Be(HttpStatusCode.Redirect);
        using var plain = new HttpClient();
        (await plain.GetByteArrayAsync(content.Headers.Location)).Should().Equal(png);

        using var preview = await client.GetAsync($"/api/assets/{id}/thumbnail");
        preview.StatusCode.Should().Be(HttpStatusCode.OK);
        preview.Content.Headers.ContentType!.MediaType.Should().Be("image/jpeg");
        (await App.Services.GetRequiredService<IFileStore>().ExistsAsync(FileKeys.Asset(id), CancellationToken.None)).Should().BeTrue();
        App.Services.GetRequiredService<IFileStore>().Should().BeOfType<S3FileStore>();
    }

    private static async Task<Guid> UploadAsync(HttpClient client, byte[] bytes, string name)
    {
        using var response = await client.PostAsync("/api/assets", MultipartBody.Of(MultipartBody.File(bytes, name)));
        response.StatusCode.Should().Be(HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        return (await response.Content.ReadFromJsonAsync<JsonObject>())!["id"]!.GetValue<Guid>();
    }

    private async Task<byte[]> MusicBytesAsync()
    {
        using var scratch = new TempFolder();
        var file = scratch.File("music.mp3");
        await App.Services.GetRequiredService<IMediaEngine>().RunAsync(
            new MediaJob([MediaInput.Lavfi("anoisesrc=color=pink:amplitude=0.2:sample_rate=44100:seed=7")], null, ["-t", "3", "-c:a", "libmp3lame"], file, TimeSpan.Zero),
            null,
            CancellationToken.None);
        return await File.ReadAllBytesAsync(file);
    }

    /// <summary>s3rver first, then the app pointed at it.</summary>
    public sealed class Fixture : IAsyncLifetime
    {
        public S3rverHost S3 { get; } = new();

        public StudioAppFactory App { get; private set; } = null!;

        public async Task InitializeAsync()
        {
            await S3.InitializeAsync();
            App = new S3AppFactory(S3.Settings);
        }

        public async Task DisposeAsync()
        {
            await App.DisposeAsync();
            await S3.DisposeAsync();
        }
    }

    private sealed class S3AppFactory(IReadOnlyDictionary<string, string?> settings) : StudioAppFactory(settings);

    [Fact]
    public async Task RedirectsTurnedOff_AssetContentStreamsThroughStudio_WithRangeRequests()
    {
        await using var app = new S3AppFactory(new Dictionary<string, string?>(fixture.S3.Settings) { ["Studio:Storage:S3:RedirectDownloads"] = "false" });
        var client = app.CreateApiClient();
        var png = await MediaSamples.GetAsync("png");
        var id = await UploadAsync(client, png, "picture.png");

        using var whole = await client.GetAsync($"/api/assets/{id}/content");
        whole.StatusCode.Should().Be(HttpStatusCode.OK);
        (await whole.Content.ReadAsByteArrayAsync()).Should().Equal(png);

        using var request = new HttpRequestMessage(HttpMethod.Get, $"/api/assets/{id}/content");
        request.Headers.Range = new System.Net.Http.Headers.RangeHeaderValue(4, 9);
        using var part = await client.SendAsync(request);
        part.StatusCode.Should().Be(HttpStatusCode.PartialContent);
        (await part.Content.ReadAsByteArrayAsync()).Should().Equal(png[4..10]);
    }
}
