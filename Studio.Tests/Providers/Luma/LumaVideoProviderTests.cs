using System.Text.Json;
using System.Text.Json.Nodes;
using Studio.Core.Assets;
using Studio.Core.Costs;
using Studio.Core.Providers;
using Studio.Core.Segments;
using Studio.Core.Storage;
using Studio.Core.Templates;
using Studio.Providers.Luma;
using Studio.Tests.Fakes;
using Studio.Tests.Fakes.Luma;

namespace Studio.Tests.Providers.Luma;

/// <summary>The <c>luma</c> provider through the real DI, client and pipeline, against a fake that speaks Luma's protocol.</summary>
public sealed class LumaVideoProviderTests : IAsyncLifetime
{
    private const string PublicBaseUrl = "https://studio.example.org/";
    private FakeLumaServer _luma = null!;
    private CoreHost _core = null!;
    private byte[] _mp4 = [];

    private IVideoProvider Provider => _core.Get<VideoProviderCatalog>().Get(LumaVideoProvider.ProviderName);

    public async Task InitializeAsync()
    {
        _mp4 = await ResultClips.Mp4Async(144, 256, 1);
        _luma = await FakeLumaServer.StartAsync(_mp4);
        _core = await StartHostAsync(FakeLumaServer.Key, PublicBaseUrl);
    }

    public async Task DisposeAsync()
    {
        await _core.DisposeAsync();
        await _luma.DisposeAsync();
    }

    [Fact]
    public async Task SubmitAsync_TextToVideo_PostsLumasCreateBody()
    {
        var id = await Provider.SubmitAsync(Request("A calm lake at dawn.", style: "soft watercolour", seconds: 4), CancellationToken.None);

        var post = _luma.ApiRequests.Single();
        (post.Method, post.Path).Should().Be(("POST", "/dream-machine/v1/generations"));
        post.Headers["Authorization"].Should().Be($"Bearer {FakeLumaServer.Key}");
        var body = JsonNode.Parse(post.Body)!.AsObject();
        body["generation_type"]!.GetValue<string>().Should().Be("video");
        body["model"]!.GetValue<string>().Should().Be("ray-2");
        body["prompt"]!.GetValue<string>().Should().Be("A calm lake at dawn. Style: soft watercolour");
        body["aspect_ratio"]!.GetValue<string>().Should().Be("9:16");
        body["duration"]!.GetValueKind().Should().Be(JsonValueKind.String);
        body["duration"]!.GetValue<string>().Should().Be("5s", "a 4 s segment gets Luma's nearest longer clip");
        body["resolution"]!.GetValue<string>().Should().Be("720p");
        body.ContainsKey("keyframes").Should().BeFalse();
        Guid.TryParse(id, out _).Should().BeTrue();
    }

    [Fact]
    public async Task TextToVideo_PolledToTheEnd_DownloadsTheMp4FromTheCdnWithoutTheKey()
    {
        _luma.PollsBeforeDone = 2;
        var id = await Provider.SubmitAsync(Request("A calm lake at dawn"), CancellationToken.None);

        var states = new List<ProviderJobState>();
        for (var i = 0; i < 3; i++)
        {
            states.Add((await Provider.GetStatusAsync(id, CancellationToken.None)).State);
        }

        using var clip = new MemoryStream();
        await Provider.DownloadAsync(id, clip, CancellationToken.None);

        states.Should().Equal(ProviderJobState.Queued, ProviderJobState.Running, ProviderJobState.Succeeded);
        clip.ToArray().Should().Equal(_mp4);
        var cdn = _luma.Requests.Single(r => r.Path.StartsWith("/cdn/", StringComparison.Ordinal));
        cdn.Path.Should().Be($"/cdn/{id}.mp4");
        cdn.Headers.Should().NotContainKey("Authorization", "the CDN is another host: the key never leaves for it");
    }

    [Fact]
    public async Task ImageToVideo_SendsASignedLinkAsFrame0_AndDownloadsTheMp4()
    {
        _luma.PollsBeforeDone = 0;
        var input = await StoreImageAsync(_core);

        var id = await Provider.SubmitAsync(Request("The city wakes up", mode: GenerationMode.ImageToVideo, input: input), CancellationToken.None);
        (await Provider.GetStatusAsync(id, CancellationToken.None)).State.Should().Be(ProviderJobState.Succeeded);
        using var clip = new MemoryStream();
        await Provider.DownloadAsync(id, clip, CancellationToken.None);

        var frame0 = JsonNode.Parse(_luma.ApiRequests[0].Body)!["keyframes"]!["frame0"]!;
        frame0["type"]!.GetValue<string>().Should().Be("image");
        frame0["url"]!.GetValue<string>().Should().StartWith($"{PublicBaseUrl}links/assets/{input.AssetId:N}/");
        clip.ToArray().Should().Equal(_mp4);
    }

    [Fact]
    public async Task SubmitAsync_ImageToVideoWithoutPublicBaseUrl_FailsPermanentlyWithoutARequest()
    {
        await using var core = await StartHostAsync(FakeLumaServer.Key, publicBaseUrl: null);
        var input = await StoreImageAsync(core);
        var provider = core.Get<VideoProviderCatalog>().Get(LumaVideoProvider.ProviderName);

        var submit = () => provider.SubmitAsync(Request("The city wakes up", mode: GenerationMode.ImageToVideo, input: input), CancellationToken.None);

        var error = (await submit.Should().ThrowAsync<ProviderException>()).Which;
        error.IsPermanent.Should().BeTrue();
        error.Message.Should().Contain("Studio:PublicBaseUrl");
        _luma.Requests.Should().BeEmpty();
    }

    [Theory]
    [InlineData(AspectRatio.Landscape16x9, "16:9")]
    [InlineData(AspectRatio.Square1x1, "1:1")]
    [InlineData(AspectRatio.Portrait4x5, "3:4")]
    public async Task SubmitAsync_AspectRatio_AsksForLumasRatio(AspectRatio ratio, string expected)
    {
        await Provider.SubmitAsync(Request("A calm lake at dawn") with { AspectRatio = ratio }, CancellationToken.None);

        JsonNode.Parse(_luma.ApiRequests.Single().Body)!["aspect_ratio"]!.GetValue<string>().Should().Be(expected);
    }

    [Theory]
    [InlineData("", GenerationMode.TextToVideo, "empty")]
    [InlineData("ab", GenerationMode.TextToVideo, "at least 3")]
    [InlineData("A lake", GenerationMode.VideoToVideo, "cannot make video-to-video clips")]
    [InlineData("A lake", GenerationMode.ImageToVideo, "needs an input image")]
    public async Task SubmitAsync_RequestLumaWouldRefuse_FailsPermanentlyWithoutARequest(string prompt, GenerationMode mode, string message)
    {
        var submit = () => Provider.SubmitAsync(Request(prompt, mode: mode), CancellationToken.None);

        var error = (await submit.Should().ThrowAsync<ProviderException>()).Which;
        error.IsPermanent.Should().BeTrue();
        error.Message.Should().Contain(message);
        _luma.Requests.Should().BeEmpty();
    }

    [Fact]
    public async Task SubmitAsync_PromptOverLumasLimit_FailsPermanentlyWithoutARequest()
    {
        var submit = () => Provider.SubmitAsync(Request(new string('a', 5001)), CancellationToken.None);

        (await submit.Should().ThrowAsync<ProviderException>()).Which.Message.Should().Contain("5000");
        _luma.Requests.Should().BeEmpty();
    }

    [Fact]
    public async Task SubmitAsync_LongPromptWithStyle_IsCutToLumasLimit()
    {
        await Provider.SubmitAsync(Request(new string('a', 4985), style: "cinematic, warm light"), CancellationToken.None);

        JsonNode.Parse(_luma.ApiRequests.Single().Body)!["prompt"]!.GetValue<string>().Should().HaveLength(5000).And.EndWith(". Style: cinema");
    }

    [Fact]
    public async Task SubmitAsync_RateLimited_IsRetriedAfterRetryAfter_AndSubmittedOnce()
    {
        _luma.ReplyError(429, "Too many requests", retryAfter: "0");

        var id = await Provider.SubmitAsync(Request("A calm lake at dawn"), CancellationToken.None);

        _luma.ApiRequests.Should().HaveCount(2).And.AllSatisfy(r => r.Method.Should().Be("POST"));
        _luma.Created.Should().Be(1);
        id.Should().NotBeNullOrEmpty();
    }

    [Fact]
    public async Task SubmitAsync_ServerError_FailsTransientWithoutResubmitting()
    {
        _luma.ReplyError(500, "Internal Server Error");

        var submit = () => Provider.SubmitAsync(Request("A calm lake at dawn"), CancellationToken.None);

        var error = (await submit.Should().ThrowAsync<ProviderException>()).Which;
        error.IsPermanent.Should().BeFalse();
        error.NothingStarted.Should().BeFalse("a 500 on a create leaves it unknown whether Luma started it");
        _luma.ApiRequests.Should().ContainSingle();
    }

    [Fact]
    public async Task SubmitAsync_BadRequest_FailsPermanentlyWithLumasDetail()
    {
        _luma.ReplyError(400, "Loop is not supported for keyframes");

        var submit = () => Provider.SubmitAsync(Request("A calm lake at dawn"), CancellationToken.None);

        var error = (await submit.Should().ThrowAsync<ProviderException>()).Which;
        error.IsPermanent.Should().BeTrue();
        error.Message.Should().Be("Loop is not supported for keyframes");
        _luma.ApiRequests.Should().ContainSingle();
    }

    [Fact]
    public async Task SubmitAsync_UnprocessableWithAFastApiList_ShowsFieldAndMessage()
    {
        _luma.Reply(new FakeReply(422, """{"detail":[{"loc":["body","prompt"],"msg":"Field required","type":"missing"}]}"""));

        var submit = () => Provider.SubmitAsync(Request("A calm lake at dawn"), CancellationToken.None);

        var error = (await submit.Should().ThrowAsync<ProviderException>()).Which;
        error.IsPermanent.Should().BeTrue();
        error.Message.Should().Be("prompt: Field required");
    }

    [Fact]
    public async Task SubmitAsync_WrongKey_FailsPermanentlyNamingTheSettingNotTheKey()
    {
        await using var core = await StartHostAsync("luma-wrong-key", PublicBaseUrl);
        var provider = core.Get<VideoProviderCatalog>().Get(LumaVideoProvider.ProviderName);

        var submit = () => provider.SubmitAsync(Request("A calm lake at dawn"), CancellationToken.None);

        var error = (await submit.Should().ThrowAsync<ProviderException>()).Which;
        error.IsPermanent.Should().BeTrue();
        error.Message.Should().Contain("Studio:Providers:Luma:ApiKey").And.Contain("Invalid API key").And.NotContain("luma-wrong-key");
        _luma.Requests.Should().ContainSingle();
    }

    [Theory]
    [InlineData("Contains blacklisted words", true)]
    [InlineData("Advanced prompt moderation failed", true)]
    [InlineData("Frame moderation failed", true)]
    [InlineData("Prompt processing failed", false)]
    [InlineData("Failed to read user input frames", false)]
    public async Task GetStatusAsync_Failed_CarriesLumasReason_PermanentForModeration(string reason, bool permanent)
    {
        _luma.PollsBeforeDone = 0;
        _luma.FailureReason = reason;
        var id = await Provider.SubmitAsync(Request("A calm lake at dawn"), CancellationToken.None);

        var status = await Provider.GetStatusAsync(id, CancellationToken.None);

        status.State.Should().Be(ProviderJobState.Failed);
        status.Error.Should().Be(reason);
        status.IsPermanent.Should().Be(permanent);
    }

    [Fact]
    public async Task GetStatusAsync_Unavailable_IsRetried()
    {
        var id = await Provider.SubmitAsync(Request("A calm lake at dawn"), CancellationToken.None);
        _luma.ReplyError(503, "Service Unavailable", retryAfter: "0");

        var status = await Provider.GetStatusAsync(id, CancellationToken.None);

        status.State.Should().Be(ProviderJobState.Queued);
        _luma.ApiRequests.Count(r => r.Method == "GET").Should().Be(2);
    }

    [Fact]
    public async Task GetStatusAsync_UnknownGeneration_IsATransientFailure()
    {
        var status = await Provider.GetStatusAsync(Guid.NewGuid().ToString(), CancellationToken.None);

        status.State.Should().Be(ProviderJobState.Failed);
        status.IsPermanent.Should().BeFalse();
    }

    [Theory]
    [InlineData(403)]
    [InlineData(404)]
    public async Task DownloadAsync_ExpiredResultLink_IsTransientSayingSo(int expired)
    {
        _luma.PollsBeforeDone = 0;
        var id = await Provider.SubmitAsync(Request("A calm lake at dawn"), CancellationToken.None);
        await Provider.GetStatusAsync(id, CancellationToken.None);
        _luma.ExpiredResultStatus = expired;

        var download = () => Provider.DownloadAsync(id, Stream.Null, CancellationToken.None);

        var error = (await download.Should().ThrowAsync<ProviderException>()).Which;
        error.IsPermanent.Should().BeFalse();
        error.Message.Should().Contain("expired");
    }

    [Fact]
    public async Task CancelAsync_RunningGeneration_DeletesItAtLuma()
    {
        var id = await Provider.SubmitAsync(Request("A calm lake at dawn"), CancellationToken.None);

        await Provider.CancelAsync(id, CancellationToken.None);

        var delete = _luma.ApiRequests[^1];
        (delete.Method, delete.Path).Should().Be(("DELETE", $"/dream-machine/v1/generations/{id}"));
        (await Provider.GetStatusAsync(id, CancellationToken.None)).State.Should().Be(ProviderJobState.Failed, "Luma no longer knows it");
    }

    [Fact]
    public async Task CancelAsync_UnknownGeneration_IsNotAnError()
    {
        var cancel = () => Provider.CancelAsync(Guid.NewGuid().ToString(), CancellationToken.None);

        await cancel.Should().NotThrowAsync();
        _luma.ApiRequests.Should().ContainSingle().Which.Method.Should().Be("DELETE");
    }

    [Fact]
    public async Task Provider_WithoutAKey_IsListedButNotConfigured()
    {
        await using var bare = await CoreHost.StartAsync();

        var luma = bare.Get<VideoProviderCatalog>().Get(LumaVideoProvider.ProviderName);

        luma.IsConfigured.Should().BeFalse();
        luma.DisplayName.Should().Be("Luma Dream Machine");
        luma.MaxConcurrency.Should().Be(4);
        Provider.IsConfigured.Should().BeTrue();
    }

    [Theory]
    [InlineData(3, 5)]
    [InlineData(5, 5)]
    [InlineData(6, 9)]
    [InlineData(9, 9)]
    [InlineData(12, 9)]
    public void Quote_SegmentLength_AsksForTheNearestLongerClip(int segment, int clip)
    {
        var quote = Provider.Quote(Request("A lake", seconds: segment));

        quote.Should().Be(new ClipQuote("ray-2", "720p", TimeSpan.FromSeconds(clip)));
    }

    [Fact]
    public void ClipPrice_DefaultModel_IsRayTwosPerSecondPriceTimesTheClip()
    {
        CostModel.ClipPrice(Provider, Request("A lake", seconds: 4)).Should().Be(0.15m, "5 s of ray-2 at $0.03/s");
        Provider.Prices["ray-flash-2"].PerSecondUsd.Should().Be(0.014m);
        Provider.Capabilities.RefundsFailures.Should().BeTrue();
        Provider.Capabilities.InputsByLink.Should().BeTrue();
        Provider.Capabilities.FindsSubmissions.Should().BeFalse();
    }

    private async Task<CoreHost> StartHostAsync(string key, string? publicBaseUrl)
    {
        var settings = new Dictionary<string, string?>
        {
            ["Studio:Providers:Luma:BaseUrl"] = _luma.ApiUrl.ToString(),
            ["Studio:Providers:Luma:ApiKey"] = key,
            ["Studio:Providers:Luma:Http:RetryBaseDelay"] = "00:00:00.010",
        };
        if (publicBaseUrl is not null)
        {
            settings["Studio:PublicBaseUrl"] = publicBaseUrl;
        }

        return await CoreHost.StartAsync(settings);
    }

    private static async Task<GenerationInput> StoreImageAsync(CoreHost core)
    {
        var key = $"uploads/{Guid.NewGuid():N}.png";
        using var png = new MemoryStream(await ResultClips.PngAsync());
        await core.Get<IFileStore>().PutAsync(key, png, CancellationToken.None);
        return new GenerationInput(Guid.NewGuid(), key, AssetKind.Image, "image/png");
    }

    private static GenerationRequest Request(
        string prompt,
        string style = "",
        GenerationMode mode = GenerationMode.TextToVideo,
        int seconds = 5,
        GenerationInput? input = null) =>
        new(Guid.NewGuid(), prompt, style, mode, AspectRatio.Portrait9x16, TimeSpan.FromSeconds(seconds), input);
}
