using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Studio.Core.Assets;

namespace Studio.Tests.Api;

/// <summary>
/// Per-segment <c>mode</c> and <c>assetId</c> in <c>POST /api/jobs</c>: the asset must be the caller's, of the kind the
/// mode needs, and reachable by the provider (a public address for those that fetch by URL). Every prompt and line is
/// given, so the (hosted, unreachable) script writer is never asked.
/// </summary>
public sealed class SegmentInputsApiTests(HostedAppFactory factory) : IClassFixture<HostedAppFactory>
{
    private const string Reels = "Reels 30s Standard";
    private static readonly byte[] Image = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 9, 9, 9, 9];

    private readonly HttpClient _client = factory.CreateApiClient();

    [Fact]
    public async Task CreateJob_ImageToVideoWithoutAsset_Is400AtThatSegmentsAssetId()
    {
        await ExpectRefusalAsync(Segments(2, "ImageToVideo", null), "segments[2].assetId", "image");
    }

    [Fact]
    public async Task CreateJob_AnotherUsersImage_Is400NotAmongYourUploads()
    {
        var (stranger, _) = await factory.CreateUserAsync("stranger");
        var theirs = await factory.AddAssetAsync(stranger, AssetKind.Image, Image, "image/png");

        await ExpectRefusalAsync(Segments(1, "ImageToVideo", theirs), "segments[1].assetId", "not among your uploads");
    }

    [Fact]
    public async Task CreateJob_UnknownAsset_Is400NotAmongYourUploads()
    {
        await ExpectRefusalAsync(Segments(0, "ImageToVideo", Guid.NewGuid()), "segments[0].assetId", "not among your uploads");
    }

    [Fact]
    public async Task CreateJob_VideoAssetForImageToVideo_Is400()
    {
        var clip = await factory.AddAssetAsync(await AdminIdAsync(), AssetKind.Video, [0, 0, 0, 24], "video/mp4");

        await ExpectRefusalAsync(Segments(3, "ImageToVideo", clip), "segments[3].assetId", "needs an image");
    }

    [Fact]
    public async Task CreateJob_AssetOnATextToVideoSegment_Is400()
    {
        var image = await factory.AddAssetAsync(await AdminIdAsync(), AssetKind.Image, Image, "image/png");

        await ExpectRefusalAsync(Segments(4, "TextToVideo", image), "segments[4].assetId", "text-to-video");
    }

    [Fact]
    public async Task CreateJob_ImageToVideoAtLumaWithoutPublicBaseUrl_Is400NamingTheSetting()
    {
        var image = await factory.AddAssetAsync(await AdminIdAsync(), AssetKind.Image, Image, "image/png");

        await ExpectRefusalAsync(Segments(0, "ImageToVideo", image), "mode", "Studio:PublicBaseUrl", provider: "luma");
    }

    [Fact]
    public async Task CreateJob_UnknownSegmentMode_Is400AtThatField()
    {
        await ExpectRefusalAsync(Segments(5, "Hologram", null), "segments[5].mode", "Hologram");
    }

    [Fact]
    public async Task CreateJob_OwnImageAtLocal_Is201AndTheSegmentIsImageToVideo()
    {
        var image = await factory.AddAssetAsync(await AdminIdAsync(), AssetKind.Image, Image, "image/png");

        var response = await _client.PostAsJsonAsync("/api/jobs", new { theme = "Hybrid", template = Reels, provider = "local", segments = Segments(2, "imagetovideo", image) });

        response.StatusCode.Should().Be(HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        var id = (await response.Content.ReadFromJsonAsync<JsonObject>())!["id"]!.GetValue<Guid>();
        var segments = (await _client.GetFromJsonAsync<JsonObject>($"/api/jobs/{id}"))!["segments"]!.AsArray();
        segments.Select(s => s!["mode"]!.GetValue<string>()).Should().Equal("TextToVideo", "TextToVideo", "ImageToVideo", "TextToVideo", "TextToVideo", "TextToVideo");
        segments[2]!["assetId"]!.GetValue<Guid>().Should().Be(image);
        segments[0]!["assetId"].Should().BeNull();
    }

    [Fact]
    public async Task Estimate_ImageToVideoWithoutAsset_IsPricedAnyway()
    {
        var response = await _client.PostAsJsonAsync("/api/jobs/estimate", new { theme = "Before the uploads", template = Reels, provider = "local", segments = Segments(2, "ImageToVideo", null) });

        response.StatusCode.Should().Be(HttpStatusCode.OK, "an estimate comes before the uploads");
    }

    /// <summary>Six written segments, all text-to-video but <paramref name="index"/>, which has <paramref name="mode"/> and <paramref name="assetId"/>.</summary>
    private static object[] Segments(int index, string mode, Guid? assetId) =>
        [.. Enumerable.Range(0, 6).Select(i => i == index
            ? (object)new { prompt = $"Scene {i}", narration = $"Line {i}.", mode, assetId }
            : new { prompt = $"Scene {i}", narration = $"Line {i}." })];

    private async Task ExpectRefusalAsync(object[] segments, string field, string says, string provider = "local")
    {
        var before = await CountJobsAsync();

        var response = await _client.PostAsJsonAsync("/api/jobs", new { theme = "Inputs", template = Reels, provider, segments });

        response.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        var errors = (await response.Content.ReadFromJsonAsync<JsonObject>())!["errors"]!.AsObject();
        errors.Select(e => e.Key).Should().Contain(field);
        errors[field]![0]!.GetValue<string>().Should().Contain(says);
        (await CountJobsAsync()).Should().Be(before, "a refused job is not stored");
    }

    private Task<string> AdminIdAsync() => factory.UserIdAsync(StudioAppFactory.AdminEmail);

    private async Task<int> CountJobsAsync() => (await _client.GetFromJsonAsync<JsonArray>("/api/jobs"))!.Count;
}
