using Studio.Core.Assets;
using Studio.Core.Providers;
using Studio.Core.Segments;
using Studio.Core.Storage;
using Studio.Core.Templates;
using Studio.Tests.Fakes;
using Studio.Tests.Fakes.Stability;

namespace Studio.Tests.Providers.Stability;

/// <summary>The <c>stability</c> provider against a fake of Stability's v2beta image-to-video protocol, through the real DI, client and pipeline.</summary>
public sealed class StabilityVideoProviderTests : IAsyncLifetime
{
    private FakeStabilityServer _stability = null!;
    private CoreHost _core = null!;
    private byte[] _mp4 = [];

    private IVideoProvider Provider => _core.Get<VideoProviderCatalog>().Get("stability");

    private IEnumerable<RecordedRequest> Posts => _stability.Requests.Where(r => r.Method == "POST");

    public async Task InitializeAsync()
    {
        _mp4 = await ResultClips.Mp4Async(width: 144, height: 256);
        _stability = await FakeStabilityServer.StartAsync(_mp4);
        _core = await StartHostAsync(_stability, FakeStabilityServer.Key);
    }

    public async Task DisposeAsync()
    {
        await _core.DisposeAsync();
        await _stability.DisposeAsync();
    }

    [Fact]
    public void Capabilities_Always_ImageToVideoOnlyAsOneFourSecondClipFillingUpToEightSeconds()
    {
        var capabilities = Provider.Capabilities;

        Provider.DisplayName.Should().Be("Stability AI (Stable Video Diffusion)");
        capabilities.Modes.Should().Equal(GenerationMode.ImageToVideo);
        capabilities.AspectRatios.Should().BeEquivalentTo(Enum.GetValues<AspectRatio>());
        capabilities.ClipLengths.Should().Equal(TimeSpan.FromSeconds(4));
        capabilities.MaxDuration.Should().Be(TimeSpan.FromSeconds(8));
        capabilities.ImageSizes.Should().BeEquivalentTo([new FrameSize(1024, 576), new FrameSize(576, 1024), new FrameSize(768, 768)]);
        (capabilities.RefundsFailures, capabilities.FindsSubmissions, capabilities.InputsByLink).Should().Be((false, false, false));
        (Provider.IsConfigured, Provider.MaxConcurrency, Provider.Notice).Should().Be((true, 2, (string?)null));
    }

    [Theory]
    [InlineData(2)]
    [InlineData(6)]
    public void Quote_AnySegment_IsTheOneFourSecondClipAtThePerClipPrice(double seconds)
    {
        var quote = Provider.Quote(Request(null, seconds: seconds));

        quote.Should().Be(new ClipQuote("stable-video-diffusion", string.Empty, TimeSpan.FromSeconds(4)));
        Provider.Prices[quote.Model].PriceOf(quote).Should().Be(0.075m);
    }

    [Fact]
    public async Task IsConfigured_NoKey_IsFalse()
    {
        await using var host = await StartHostAsync(_stability, key: null);

        host.Get<VideoProviderCatalog>().Get("stability").IsConfigured.Should().BeFalse();
    }

    [Theory]
    [InlineData(AspectRatio.Portrait9x16, 576, 1024)]
    [InlineData(AspectRatio.Landscape16x9, 1024, 576)]
    [InlineData(AspectRatio.Portrait4x5, 768, 768)]
    public async Task SubmitPollDownload_Image_SendsItFittedAsMultipartThenDeliversTheMp4(AspectRatio ratio, int width, int height)
    {
        var request = Request(await StoreImageAsync(await ResultClips.PngAsync(320, 240)), ratio);

        var id = await Provider.SubmitAsync(request, CancellationToken.None);
        var statuses = new List<ProviderJobStatus>();
        for (var i = 0; i < 3; i++)
        {
            statuses.Add(await Provider.GetStatusAsync(id, CancellationToken.None));
        }

        using var clip = new MemoryStream();
        await Provider.DownloadAsync(id, clip, CancellationToken.None);

        var submit = Posts.Single();
        submit.Path.Should().Be("/v2beta/image-to-video");
        submit.Headers["Authorization"].Should().Be($"Bearer {FakeStabilityServer.Key}");
        submit.Headers["Content-Type"].Should().StartWith("multipart/form-data");
        var (fields, image) = _stability.Accepted.Single();
        image.Should().Be(("png", width, height));
        fields.Should().BeEquivalentTo(new Dictionary<string, string> { ["seed"] = "0", ["cfg_scale"] = "1.8", ["motion_bucket_id"] = "127" });
        id.Should().MatchRegex("^[0-9a-f]{64}$");

        statuses.Should().Equal(ProviderJobStatus.Running(0), ProviderJobStatus.Running(0), ProviderJobStatus.Succeeded);
        var results = _stability.Requests.Where(r => r.Method == "GET").ToList();
        results.Should().HaveCount(4).And.OnlyContain(r => r.Path == $"/v2beta/image-to-video/result/{id}" && r.Headers["Accept"] == "video/*");
        clip.ToArray().Should().Equal(_mp4);
    }

    [Fact]
    public async Task SubmitAsync_Settings_SendsTheConfiguredSeedCfgScaleAndMotion()
    {
        await using var host = await StartHostAsync(_stability, FakeStabilityServer.Key, new()
        {
            ["Studio:Providers:Stability:Seed"] = "42",
            ["Studio:Providers:Stability:CfgScale"] = "2.5",
            ["Studio:Providers:Stability:MotionBucketId"] = "200",
        });
        var request = Request(await StoreImageAsync(await ResultClips.PngAsync(320, 240), host));

        await host.Get<VideoProviderCatalog>().Get("stability").SubmitAsync(request, CancellationToken.None);

        _stability.Accepted.Single().Fields.Should().BeEquivalentTo(new Dictionary<string, string> { ["seed"] = "42", ["cfg_scale"] = "2.5", ["motion_bucket_id"] = "200" });
    }

    [Fact]
    public async Task SubmitAsync_RouteWithdrawn_SetsTheNoticeAndFailsPermanently()
    {
        _stability.Withdrawn = true;
        var request = Request(await StoreImageAsync(await ResultClips.PngAsync(320, 240)));

        var submit = () => Provider.SubmitAsync(request, CancellationToken.None);

        var error = (await submit.Should().ThrowAsync<ProviderException>()).Which;
        error.IsPermanent.Should().BeTrue();
        error.Message.Should().Contain("404").And.Contain("withdrawn").And.Contain("legacy");
        Provider.Notice.Should().Be(error.Message);
        Posts.Should().ContainSingle();
    }

    [Fact]
    public async Task SubmitAsync_RefusedByModeration_FailsPermanentlyAsModerationNotAsTheKey()
    {
        _stability.ReplySubmitError(403, "content_moderation", ["Your request was flagged by our content moderation system."]);
        var request = Request(await StoreImageAsync(await ResultClips.PngAsync(320, 240)));

        var submit = () => Provider.SubmitAsync(request, CancellationToken.None);

        var error = (await submit.Should().ThrowAsync<ProviderException>()).Which;
        error.IsPermanent.Should().BeTrue();
        error.Message.Should().Contain("content moderation").And.Contain("flagged by our content moderation system").And.NotContain("API key");
        Posts.Should().ContainSingle();
    }

    [Fact]
    public async Task SubmitAsync_BadRequest_FailsPermanentlyWithStabilitysErrorsJoined()
    {
        _stability.ReplySubmitError(400, "bad_request", ["image: too small", "seed: must be an integer"]);
        var request = Request(await StoreImageAsync(await ResultClips.PngAsync(320, 240)));

        var submit = () => Provider.SubmitAsync(request, CancellationToken.None);

        (await submit.Should().ThrowAsync<ProviderException>()).Which.Should()
            .Match<ProviderException>(e => e.IsPermanent && e.Message == "image: too small; seed: must be an integer");
    }

    [Fact]
    public async Task SubmitAsync_WrongKey_FailsPermanentlyNamingTheSetting()
    {
        await using var host = await StartHostAsync(_stability, "sk-wrong");
        var request = Request(await StoreImageAsync(await ResultClips.PngAsync(320, 240), host));

        var submit = () => host.Get<VideoProviderCatalog>().Get("stability").SubmitAsync(request, CancellationToken.None);

        var error = (await submit.Should().ThrowAsync<ProviderException>()).Which;
        error.IsPermanent.Should().BeTrue();
        error.Message.Should().Contain("Studio:Providers:Stability:ApiKey").And.Contain("authorization: invalid or missing header value").And.NotContain("sk-wrong");
    }

    [Fact]
    public async Task SubmitAsync_RateLimited_IsRetriedAfterRetryAfter()
    {
        _stability.ReplySubmitError(429, "rate_limit_exceeded", ["You have exceeded the rate limit of 150 requests within a 10 second period"], retryAfter: "0");
        var request = Request(await StoreImageAsync(await ResultClips.PngAsync(320, 240)));

        var id = await Provider.SubmitAsync(request, CancellationToken.None);

        Posts.Should().HaveCount(2);
        _stability.Accepted.Should().ContainSingle();
        id.Should().HaveLength(64);
    }

    [Fact]
    public async Task SubmitAsync_ServerError_IsTransientAndNotRetried()
    {
        _stability.ReplySubmitError(500, "internal_error", ["An unexpected server error occurred."]);
        var request = Request(await StoreImageAsync(await ResultClips.PngAsync(320, 240)));

        var submit = () => Provider.SubmitAsync(request, CancellationToken.None);

        (await submit.Should().ThrowAsync<ProviderException>()).Which.IsPermanent.Should().BeFalse();
        Posts.Should().ContainSingle();
    }

    [Theory]
    [InlineData(GenerationMode.TextToVideo, true)]
    [InlineData(GenerationMode.VideoToVideo, true)]
    [InlineData(GenerationMode.ImageToVideo, false)]
    public async Task SubmitAsync_NotAnImageToAnimate_FailsPermanentlyBeforeAnyCall(GenerationMode mode, bool withInput)
    {
        var input = withInput ? await StoreImageAsync(await ResultClips.PngAsync(320, 240)) : null;

        var submit = () => Provider.SubmitAsync(Request(input) with { Mode = mode }, CancellationToken.None);

        (await submit.Should().ThrowAsync<ProviderException>()).Which.IsPermanent.Should().BeTrue();
        _stability.Requests.Should().BeEmpty();
    }

    [Fact]
    public async Task GetStatusAsync_ContentFiltered_FailsPermanentlySayingModeration()
    {
        _stability.FilterContent = true;
        _stability.PollsBeforeDone = 0;
        var id = await Provider.SubmitAsync(Request(await StoreImageAsync(await ResultClips.PngAsync(320, 240))), CancellationToken.None);

        var status = await Provider.GetStatusAsync(id, CancellationToken.None);

        (status.State, status.IsPermanent).Should().Be((ProviderJobState.Failed, true));
        status.Error.Should().Contain("filtered by Stability's content moderation");
    }

    [Fact]
    public async Task DownloadAsync_ResultExpired_IsATransientErrorSayingSo()
    {
        _stability.PollsBeforeDone = 0;
        var id = await Provider.SubmitAsync(Request(await StoreImageAsync(await ResultClips.PngAsync(320, 240))), CancellationToken.None);
        _stability.ResultsExpired = true;

        var download = () => Provider.DownloadAsync(id, Stream.Null, CancellationToken.None);

        (await download.Should().ThrowAsync<ProviderException>()).Which.Should().Match<ProviderException>(e => !e.IsPermanent && e.Message.Contains("expired"));
        Posts.Should().ContainSingle();
    }

    [Fact]
    public async Task GetStatusAsync_UnknownId_FailsTransiently()
    {
        var status = await Provider.GetStatusAsync(new string('a', 64), CancellationToken.None);

        (status.State, status.IsPermanent).Should().Be((ProviderJobState.Failed, false));
    }

    [Fact]
    public async Task CancelAsync_Any_SendsNothingBecauseStabilityHasNoCancel()
    {
        var id = await Provider.SubmitAsync(Request(await StoreImageAsync(await ResultClips.PngAsync(320, 240))), CancellationToken.None);

        await Provider.CancelAsync(id, CancellationToken.None);

        _stability.Requests.Should().ContainSingle().Which.Method.Should().Be("POST");
    }

    private static GenerationRequest Request(GenerationInput? input, AspectRatio ratio = AspectRatio.Portrait9x16, double seconds = 4) =>
        new(Guid.NewGuid(), "The lighthouse beam sweeps the sea", "cinematic", GenerationMode.ImageToVideo, ratio, TimeSpan.FromSeconds(seconds), input);

    private async Task<GenerationInput> StoreImageAsync(byte[] png, CoreHost? host = null)
    {
        var asset = Guid.NewGuid();
        await (host ?? _core).Get<IFileStore>().PutAsync(FileKeys.Asset(asset), new MemoryStream(png), CancellationToken.None);
        return new GenerationInput(asset, FileKeys.Asset(asset), AssetKind.Image, "image/png");
    }

    private static Task<CoreHost> StartHostAsync(FakeStabilityServer stability, string? key, Dictionary<string, string?>? more = null)
    {
        var settings = new Dictionary<string, string?>
        {
            ["Studio:Providers:Stability:BaseUrl"] = stability.BaseUrl.ToString(),
            ["Studio:Providers:Stability:ApiKey"] = key,
            ["Studio:Providers:Stability:Http:RetryBaseDelay"] = "00:00:00.010",
        };
        foreach (var (name, value) in more ?? [])
        {
            settings[name] = value;
        }

        return CoreHost.StartAsync(settings);
    }
}
