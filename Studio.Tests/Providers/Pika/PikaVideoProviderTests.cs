using System.Text.Json;
using System.Text.Json.Nodes;
using Studio.Core.Assets;
using Studio.Core.Providers;
using Studio.Core.Segments;
using Studio.Core.Storage;
using Studio.Core.Templates;
using Studio.Providers.Pika;
using Studio.Tests.Fakes;
using Studio.Tests.Fakes.Pika;
using Studio.Tests.Fakes.Stability;

namespace Studio.Tests.Providers.Pika;

/// <summary>The <c>pika</c> provider against a fake of fal.ai's queue protocol, through the real DI, client and pipeline.</summary>
public sealed class PikaVideoProviderTests : IAsyncLifetime
{
    private FakePikaServer _fal = null!;
    private CoreHost _core = null!;
    private byte[] _mp4 = [];

    private IVideoProvider Provider => _core.Get<VideoProviderCatalog>().Get("pika");

    private IEnumerable<RecordedRequest> Posts => _fal.Requests.Where(r => r.Method == "POST");

    public async Task InitializeAsync()
    {
        _mp4 = await ResultClips.Mp4Async();
        _fal = await FakePikaServer.StartAsync(_mp4);
        _core = await StartHostAsync(_fal, FakePikaServer.Key);
    }

    public async Task DisposeAsync()
    {
        await _core.DisposeAsync();
        await _fal.DisposeAsync();
    }

    [Fact]
    public void Capabilities_Always_TextAndImageInEveryRatioAsFiveOrTenSecondClipsRefundedOnFailure()
    {
        var capabilities = Provider.Capabilities;

        Provider.DisplayName.Should().Be("Pika (fal.ai)");
        capabilities.Modes.Should().BeEquivalentTo([GenerationMode.TextToVideo, GenerationMode.ImageToVideo]);
        capabilities.AspectRatios.Should().BeEquivalentTo(Enum.GetValues<AspectRatio>());
        capabilities.ClipLengths.Should().Equal(TimeSpan.FromSeconds(5), TimeSpan.FromSeconds(10));
        capabilities.MaxDuration.Should().Be(TimeSpan.FromSeconds(10));
        capabilities.Resolutions.Should().Equal("720p", "1080p");
        (capabilities.RefundsFailures, capabilities.FindsSubmissions, capabilities.InputsByLink).Should().Be((true, false, false));
        (Provider.IsConfigured, Provider.MaxConcurrency).Should().Be((true, 2));
    }

    [Theory]
    [InlineData(3, 5, 0.15)]
    [InlineData(5, 5, 0.15)]
    [InlineData(6, 10, 0.30)]
    public void Quote_SegmentLength_NearestLongerClipAt720pPricedPerSecond(double segment, double clip, double price)
    {
        var quote = Provider.Quote(Request(seconds: segment));

        quote.Should().Be(new ClipQuote("fal-ai/pika/v2.2", "720p", TimeSpan.FromSeconds(clip)));
        Provider.Prices[quote.Model].PriceOf(quote).Should().Be((decimal)price);
    }

    [Fact]
    public async Task Quote_Resolution1080p_IsPricedAtTheDearerRate()
    {
        await using var host = await StartHostAsync(_fal, FakePikaServer.Key, new() { ["Studio:Providers:Pika:Resolution"] = "1080p" });
        var provider = host.Get<VideoProviderCatalog>().Get("pika");

        var quote = provider.Quote(Request(seconds: 4));

        quote.Resolution.Should().Be("1080p");
        provider.Prices[quote.Model].PriceOf(quote).Should().Be(0.45m);
    }

    [Fact]
    public async Task IsConfigured_NoKey_IsFalse()
    {
        await using var host = await StartHostAsync(_fal, key: null);

        host.Get<VideoProviderCatalog>().Get("pika").IsConfigured.Should().BeFalse();
    }

    [Fact]
    public async Task SubmitPollDownload_TextToVideo_SendsFalsFieldsFollowsTheReturnedUrlsAndDeliversTheMp4()
    {
        var request = Request(prompt: "A fox in the snow", style: "watercolour", ratio: AspectRatio.Portrait9x16, seconds: 4);

        var id = await Provider.SubmitAsync(request, CancellationToken.None);
        var statuses = new List<ProviderJobStatus>();
        for (var i = 0; i < 3; i++)
        {
            statuses.Add(await Provider.GetStatusAsync(id, CancellationToken.None));
        }

        using var clip = new MemoryStream();
        await Provider.DownloadAsync(id, clip, CancellationToken.None);

        var submit = Posts.Single();
        submit.Path.Should().Be("/fal-ai/pika/v2.2/text-to-video");
        submit.Headers["Authorization"].Should().Be($"Key {FakePikaServer.Key}");
        var body = JsonNode.Parse(submit.Body)!.AsObject();
        body.Select(p => p.Key).Should().BeEquivalentTo(["prompt", "aspect_ratio", "resolution", "duration"]);
        body["prompt"]!.GetValue<string>().Should().Be("A fox in the snow. Style: watercolour");
        body["aspect_ratio"]!.GetValue<string>().Should().Be("9:16");
        body["resolution"]!.GetValue<string>().Should().Be("720p");
        body["duration"]!.GetValueKind().Should().Be(JsonValueKind.Number);
        body["duration"]!.GetValue<int>().Should().Be(5);
        id.Should().MatchRegex("^http://127.0.0.1:[0-9]+/fal-ai/pika/requests/[0-9a-f-]{36}$");

        statuses.Select(s => s.State).Should().Equal(ProviderJobState.Queued, ProviderJobState.Running, ProviderJobState.Succeeded);
        statuses[0].Detail.Should().Be("Queued at fal.ai (3 ahead)");
        var gets = _fal.Requests.Where(r => r.Method == "GET").ToList();
        gets.Select(r => r.Path).Take(4).Should().Equal(
            $"{new Uri(id).AbsolutePath}/status", $"{new Uri(id).AbsolutePath}/status", $"{new Uri(id).AbsolutePath}/status", new Uri(id).AbsolutePath);

        clip.ToArray().Should().Equal(_mp4);
        var cdn = _fal.Requests.Single(r => r.Path.StartsWith("/cdn/", StringComparison.Ordinal));
        cdn.Headers.Should().NotContainKey("Authorization");
    }

    [Fact]
    public async Task SubmitPollDownload_ImageToVideo_SendsTheImageFittedToTheFrameAsADataUri()
    {
        var input = await StoreImageAsync(await ResultClips.PngAsync(320, 240));
        var request = Request(mode: GenerationMode.ImageToVideo, ratio: AspectRatio.Portrait4x5, seconds: 8, input: input);

        var id = await Provider.SubmitAsync(request, CancellationToken.None);
        _fal.PollsBeforeDone = 0;
        var status = await Provider.GetStatusAsync(id, CancellationToken.None);
        using var clip = new MemoryStream();
        await Provider.DownloadAsync(id, clip, CancellationToken.None);

        var submit = Posts.Single();
        submit.Path.Should().Be("/fal-ai/pika/v2.2/image-to-video");
        var body = JsonNode.Parse(submit.Body)!.AsObject();
        body.Select(p => p.Key).Should().BeEquivalentTo(["image_url", "prompt", "resolution", "duration"]);
        body["duration"]!.GetValue<int>().Should().Be(10);
        var dataUri = body["image_url"]!.GetValue<string>();
        dataUri.Should().StartWith("data:image/jpeg;base64,");
        ImageHeaders.Read(Convert.FromBase64String(dataUri["data:image/jpeg;base64,".Length..])).Should().Be(("jpeg", 720, 900));
        status.Should().Be(ProviderJobStatus.Succeeded);
        clip.ToArray().Should().Equal(_mp4);
    }

    [Fact]
    public async Task SubmitAsync_QueueUrlsInAnotherLayout_AreFollowedExactlyAsReturned()
    {
        _fal.OtherUrlLayout = true;
        _fal.PollsBeforeDone = 0;

        var id = await Provider.SubmitAsync(Request(), CancellationToken.None);
        var status = await Provider.GetStatusAsync(id, CancellationToken.None);
        await Provider.CancelAsync(id, CancellationToken.None);

        status.Should().Be(ProviderJobStatus.Succeeded);
        id.Split(' ').Should().HaveCount(3);
        _fal.Requests.Should().Contain(r => r.Method == "GET" && r.Path.Contains("/fal-ai/pika/status-of/", StringComparison.Ordinal));
        _fal.Requests.Should().Contain(r => r.Method == "PUT" && r.Path.Contains("/fal-ai/pika/cancel-of/", StringComparison.Ordinal));
    }

    [Fact]
    public async Task SubmitAsync_QueueUrlsOnAnotherHost_FailsPermanentlyWithoutSendingTheKeyThere()
    {
        _fal.ForeignHost = "http://fal-elsewhere.invalid";

        var submit = () => Provider.SubmitAsync(Request(), CancellationToken.None);

        (await submit.Should().ThrowAsync<ProviderException>()).Which.Should().Match<ProviderException>(e => e.IsPermanent && e.Message.Contains("another host"));
        _fal.Requests.Should().ContainSingle();
    }

    [Fact]
    public async Task SubmitAsync_RateLimited_IsRetriedAfterRetryAfter()
    {
        _fal.ReplySubmit(429, FakePikaServer.Detail("Too many concurrent requests for this user"), retryAfter: "0");

        var id = await Provider.SubmitAsync(Request(), CancellationToken.None);

        Posts.Should().HaveCount(2);
        _fal.Submissions.Should().Be(1);
        id.Should().Contain("/fal-ai/pika/requests/");
    }

    [Fact]
    public async Task SubmitAsync_ServerError_IsTransientAndNotRetried()
    {
        _fal.ReplySubmit(500, FakePikaServer.Detail("Internal server error"));

        var submit = () => Provider.SubmitAsync(Request(), CancellationToken.None);

        var error = (await submit.Should().ThrowAsync<ProviderException>()).Which;
        error.IsPermanent.Should().BeFalse();
        error.Message.Should().Contain("Internal server error");
        Posts.Should().ContainSingle();
    }

    [Fact]
    public async Task SubmitAsync_WrongKey_FailsPermanentlyNamingTheSetting()
    {
        await using var host = await StartHostAsync(_fal, "wrong-key");
        var submit = () => host.Get<VideoProviderCatalog>().Get("pika").SubmitAsync(Request(), CancellationToken.None);

        var error = (await submit.Should().ThrowAsync<ProviderException>()).Which;
        error.IsPermanent.Should().BeTrue();
        error.Message.Should().Contain("Unauthorized").And.Contain("Studio:Providers:Pika:ApiKey").And.NotContain("wrong-key");
        Posts.Should().ContainSingle();
    }

    [Fact]
    public async Task SubmitAsync_AccountLocked_FailsPermanentlyWithFalsWords()
    {
        _fal.ReplySubmit(403, FakePikaServer.Detail("User is locked. Reason: Exhausted balance"));

        var submit = () => Provider.SubmitAsync(Request(), CancellationToken.None);

        var error = (await submit.Should().ThrowAsync<ProviderException>()).Which;
        (error.IsPermanent, error.Message.Contains("Exhausted balance", StringComparison.Ordinal)).Should().Be((true, true));
        Posts.Should().ContainSingle();
    }

    [Fact]
    public async Task SubmitAsync_ValidationError_FailsPermanentlyWithTheFieldAndMessage()
    {
        _fal.ReplySubmit(422, FakePikaServer.ValidationError("prompt", "ensure this value has at most 1500 characters", "value_error.any_str.max_length"));

        var submit = () => Provider.SubmitAsync(Request(), CancellationToken.None);

        var error = (await submit.Should().ThrowAsync<ProviderException>()).Which;
        error.IsPermanent.Should().BeTrue();
        error.Message.Should().Be("prompt: ensure this value has at most 1500 characters");
        Posts.Should().ContainSingle();
    }

    [Theory]
    [InlineData("", GenerationMode.TextToVideo, "prompt")]
    [InlineData("A fox", GenerationMode.VideoToVideo, "cannot make video-to-video clips")]
    [InlineData("A fox", GenerationMode.ImageToVideo, "input image")]
    public async Task SubmitAsync_InvalidRequest_FailsPermanentlyBeforeAnyCall(string prompt, GenerationMode mode, string said)
    {
        var submit = () => Provider.SubmitAsync(Request(prompt: prompt, mode: mode), CancellationToken.None);

        (await submit.Should().ThrowAsync<ProviderException>()).Which.Should().Match<ProviderException>(e => e.IsPermanent && e.Message.Contains(said));
        _fal.Requests.Should().BeEmpty();
    }

    [Fact]
    public async Task SubmitAsync_PromptAndStyleLongerThanTheLimit_AreCutToIt()
    {
        var prompt = new string('a', 1990);

        await Provider.SubmitAsync(Request(prompt: prompt, style: "oil painting, warm light"), CancellationToken.None);

        JsonNode.Parse(Posts.Single().Body)!["prompt"]!.GetValue<string>().Should().HaveLength(PikaVideoProvider.MaxPromptLength).And.StartWith(prompt);
    }

    [Fact]
    public async Task GetStatusAsync_CompletedButRefusedByModeration_FailsPermanentlyWithFalsWordsAndIsNotResubmitted()
    {
        _fal.PollsBeforeDone = 0;
        _fal.CompleteNextWith(422, FakePikaServer.ValidationError("prompt", "The prompt was flagged by the content checker", "content_policy_violation"));
        var id = await Provider.SubmitAsync(Request(), CancellationToken.None);

        var status = await Provider.GetStatusAsync(id, CancellationToken.None);

        status.State.Should().Be(ProviderJobState.Failed);
        status.IsPermanent.Should().BeTrue();
        status.Error.Should().Contain("prompt: The prompt was flagged by the content checker");
        Posts.Should().ContainSingle();
    }

    [Fact]
    public async Task GetStatusAsync_CompletedWithAnInternalError_FailsTransiently()
    {
        _fal.PollsBeforeDone = 0;
        _fal.CompleteNextWith(500, FakePikaServer.Detail("Runner crashed"));
        var id = await Provider.SubmitAsync(Request(), CancellationToken.None);

        var status = await Provider.GetStatusAsync(id, CancellationToken.None);

        (status.State, status.IsPermanent).Should().Be((ProviderJobState.Failed, false));
        status.Error.Should().Contain("Runner crashed");
        _fal.Requests.Count(r => r.Method == "GET" && r.Path == new Uri(id).AbsolutePath).Should().Be(1, "the model's own error is the same at every try");
    }

    [Fact]
    public async Task GetStatusAsync_CompletedButTheResultCallIsOverloaded_ThrowsTransientlySoTheSameRequestIsAskedAgain()
    {
        _fal.PollsBeforeDone = 0;
        _fal.CompleteNextWith(503, FakePikaServer.Detail("Service Unavailable"));
        var id = await Provider.SubmitAsync(Request(), CancellationToken.None);

        var poll = () => Provider.GetStatusAsync(id, CancellationToken.None);

        (await poll.Should().ThrowAsync<ProviderException>()).Which.IsPermanent.Should().BeFalse();
        Posts.Should().ContainSingle();
    }

    [Fact]
    public async Task GetStatusAsync_UnknownRequest_FailsTransiently()
    {
        var id = $"{_fal.BaseUrl}fal-ai/pika/requests/{Guid.NewGuid()}";

        var status = await Provider.GetStatusAsync(id, CancellationToken.None);

        (status.State, status.IsPermanent).Should().Be((ProviderJobState.Failed, false));
    }

    [Fact]
    public async Task DownloadAsync_ResultFileExpired_IsATransientErrorSayingSo()
    {
        _fal.PollsBeforeDone = 0;
        var id = await Provider.SubmitAsync(Request(), CancellationToken.None);
        (await Provider.GetStatusAsync(id, CancellationToken.None)).Should().Be(ProviderJobStatus.Succeeded);
        _fal.CdnExpired = true;

        var download = () => Provider.DownloadAsync(id, Stream.Null, CancellationToken.None);

        (await download.Should().ThrowAsync<ProviderException>()).Which.Should().Match<ProviderException>(e => !e.IsPermanent && e.Message.Contains("expired"));
        Posts.Should().ContainSingle();
    }

    [Fact]
    public async Task CancelAsync_Queued_PutsToTheCancelUrl()
    {
        var id = await Provider.SubmitAsync(Request(), CancellationToken.None);

        await Provider.CancelAsync(id, CancellationToken.None);

        var put = _fal.Requests.Single(r => r.Method == "PUT");
        put.Path.Should().Be($"{new Uri(id).AbsolutePath}/cancel");
        put.Headers["Authorization"].Should().Be($"Key {FakePikaServer.Key}");
        _fal.Cancelled.Should().ContainSingle();
    }

    [Fact]
    public async Task CancelAsync_AlreadyCompletedOrUnknown_IsNotAnError()
    {
        _fal.PollsBeforeDone = 0;
        var id = await Provider.SubmitAsync(Request(), CancellationToken.None);
        await Provider.GetStatusAsync(id, CancellationToken.None);

        var cancelDone = () => Provider.CancelAsync(id, CancellationToken.None);
        var cancelUnknown = () => Provider.CancelAsync($"{_fal.BaseUrl}fal-ai/pika/requests/{Guid.NewGuid()}", CancellationToken.None);

        await cancelDone.Should().NotThrowAsync();
        await cancelUnknown.Should().NotThrowAsync();
        _fal.Requests.Count(r => r.Method == "PUT").Should().Be(2);
        _fal.Cancelled.Should().BeEmpty();
    }

    private static GenerationRequest Request(
        string prompt = "A lighthouse at dawn",
        string style = "",
        GenerationMode mode = GenerationMode.TextToVideo,
        AspectRatio ratio = AspectRatio.Landscape16x9,
        double seconds = 5,
        GenerationInput? input = null) =>
        new(Guid.NewGuid(), prompt, style, mode, ratio, TimeSpan.FromSeconds(seconds), input);

    private async Task<GenerationInput> StoreImageAsync(byte[] png)
    {
        var asset = Guid.NewGuid();
        await _core.Get<IFileStore>().PutAsync(FileKeys.Asset(asset), new MemoryStream(png), CancellationToken.None);
        return new GenerationInput(asset, FileKeys.Asset(asset), AssetKind.Image, "image/png");
    }

    private static Task<CoreHost> StartHostAsync(FakePikaServer fal, string? key, Dictionary<string, string?>? more = null)
    {
        var settings = new Dictionary<string, string?>
        {
            ["Studio:Providers:Pika:BaseUrl"] = fal.BaseUrl.ToString(),
            ["Studio:Providers:Pika:ApiKey"] = key,
            ["Studio:Providers:Pika:Http:RetryBaseDelay"] = "00:00:00.010",
        };
        foreach (var (name, value) in more ?? [])
        {
            settings[name] = value;
        }

        return CoreHost.StartAsync(settings);
    }
}
