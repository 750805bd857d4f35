using System.Text.Json;
using System.Text.Json.Nodes;
using Studio.Core.Assets;
using Studio.Core.Providers;
using Studio.Core.Segments;
using Studio.Core.Storage;
using Studio.Core.Templates;
using Studio.Providers.Veo;
using Studio.Tests.Fakes;
using Studio.Tests.Fakes.Veo;

namespace Studio.Tests.Providers.Veo;

/// <summary>The <c>veo</c> provider, built by the real DI, against a fake of the Gemini API's Veo routes (providers.md §6).</summary>
public sealed class VeoVideoProviderTests : IAsyncLifetime
{
    private const string Operations = "/v1beta/models/veo-3.1-generate-preview/operations/";

    private readonly List<CoreHost> _hosts = [];
    private FakeVeoServer _veo = null!;
    private byte[] _mp4 = [];
    private IVideoProvider _provider = null!;

    public async Task InitializeAsync()
    {
        _mp4 = await ResultClips.Mp4Async();
        _veo = await FakeVeoServer.StartAsync(_mp4);
        _provider = await ProviderAsync();
    }

    public async Task DisposeAsync()
    {
        foreach (var host in _hosts)
        {
            await host.DisposeAsync();
        }

        await _veo.DisposeAsync();
    }

    [Fact]
    public void Capabilities_Always_DescribeVeo()
    {
        var capabilities = _provider.Capabilities;

        (_provider.Name, _provider.DisplayName, _provider.IsConfigured, _provider.MaxConcurrency).Should().Be(("veo", "Google Veo", true, 2));
        capabilities.Modes.Should().BeEquivalentTo([GenerationMode.TextToVideo, GenerationMode.ImageToVideo]);
        capabilities.AspectRatios.Should().BeEquivalentTo([AspectRatio.Landscape16x9, AspectRatio.Portrait9x16]);
        capabilities.MaxPromptLength.Should().Be(1024);
        capabilities.MaxDuration.Should().Be(TimeSpan.FromSeconds(8));
        capabilities.ClipLengths.Should().Equal(TimeSpan.FromSeconds(4), TimeSpan.FromSeconds(6), TimeSpan.FromSeconds(8));
        capabilities.Resolutions.Should().Equal("720p", "1080p");
        (capabilities.RefundsFailures, capabilities.FindsSubmissions, capabilities.InputsByLink).Should().Be((false, false, false));
    }

    [Fact]
    public async Task IsConfigured_NoKey_IsFalse()
    {
        var provider = await ProviderAsync(new() { ["Studio:Providers:Veo:ApiKey"] = "" });

        provider.IsConfigured.Should().BeFalse();
    }

    [Theory]
    [InlineData(5, 6, 2.40)]
    [InlineData(3, 4, 1.60)]
    [InlineData(7.5, 8, 3.20)]
    public void Quote_Segment_AsksTheNearestLongerLengthAt720pPricedFromPrices(double segmentSeconds, double clipSeconds, double usd)
    {
        var quote = _provider.Quote(Request(GenerationMode.TextToVideo, seconds: segmentSeconds));

        quote.Should().Be(new ClipQuote("veo-3.1-generate-preview", "720p", TimeSpan.FromSeconds(clipSeconds)));
        _provider.Prices[quote.Model].PriceOf(quote).Should().Be((decimal)usd);
    }

    [Fact]
    public async Task SubmitPollDownload_TextToVideo_SendsTheDocumentedBodyAndFollowsTheRedirectWithoutTheKey()
    {
        var request = Request(GenerationMode.TextToVideo, AspectRatio.Portrait9x16, seconds: 5) with { StylePrompt = "pastel colours" };

        var name = await _provider.SubmitAsync(request, CancellationToken.None);
        var statuses = new List<ProviderJobStatus>();
        for (var i = 0; i < 3; i++)
        {
            statuses.Add(await _provider.GetStatusAsync(name, CancellationToken.None));
        }

        using var clip = new MemoryStream();
        await _provider.DownloadAsync(name, clip, CancellationToken.None);

        var start = _veo.Requests.First();
        (start.Method, start.Path, start.Query).Should().Be(("POST", "/v1beta/models/veo-3.1-generate-preview:predictLongRunning", ""));
        var body = JsonNode.Parse(start.Body)!;
        body["instances"]!.AsArray().Should().ContainSingle();
        body["instances"]![0]!.AsObject().Select(p => p.Key).Should().Equal("prompt");
        body["instances"]![0]!["prompt"]!.GetValue<string>().Should().Be("A lighthouse at dawn. Style: pastel colours");
        var parameters = body["parameters"]!;
        (parameters["aspectRatio"]!.GetValue<string>(), parameters["resolution"]!.GetValue<string>(), parameters["sampleCount"]!.GetValue<int>())
            .Should().Be(("9:16", "720p", 1));
        parameters["durationSeconds"]!.GetValueKind().Should().Be(JsonValueKind.Number);
        parameters["durationSeconds"]!.GetValue<int>().Should().Be(6);
        name.Should().StartWith("models/veo-3.1-generate-preview/operations/");
        statuses.Should().Equal(ProviderJobStatus.Running(0), ProviderJobStatus.Running(0), ProviderJobStatus.Succeeded);
        clip.ToArray().Should().Equal(_mp4);
        _veo.Requests.Should().OnlyContain(r => r.Headers["x-goog-api-key"] == FakeVeoServer.Key && !r.Query.Contains("key=", StringComparison.Ordinal));
        _veo.Requests.Last().Path.Should().Be($"/v1beta/files/{name.Split('/')[^1]}:download");
        var stored = _veo.Storage.Requests.Single();
        stored.Path.Should().Be($"/video/{name.Split('/')[^1]}.mp4");
        stored.Headers.Should().NotContainKey("x-goog-api-key").And.NotContainKey("Authorization");
    }

    [Fact]
    public async Task SubmitAsync_ImageToVideo_SendsTheImageInlineWithItsMimeType()
    {
        var png = await ResultClips.PngAsync();
        var input = await StoreAsync(png);

        await _provider.SubmitAsync(Request(GenerationMode.ImageToVideo, input: input), CancellationToken.None);

        var instance = JsonNode.Parse(_veo.Requests.Single().Body)!["instances"]![0]!;
        Convert.FromBase64String(instance["image"]!["bytesBase64Encoded"]!.GetValue<string>()).Should().Equal(png);
        instance["image"]!["mimeType"]!.GetValue<string>().Should().Be("image/png");
        JsonNode.Parse(_veo.Requests.Single().Body)!["parameters"]!["aspectRatio"]!.GetValue<string>().Should().Be("16:9");
    }

    [Theory]
    [InlineData("square", "only 9:16 and 16:9")]
    [InlineData("4:5", "only 9:16 and 16:9")]
    [InlineData("video", "cannot make video-to-video clips")]
    [InlineData("image without input", "needs an input image")]
    [InlineData("empty prompt", "The prompt is empty.")]
    [InlineData("long prompt", "longer than the 1024 characters")]
    [InlineData("too long", "at most 8 seconds")]
    public async Task SubmitAsync_InvalidRequest_FailsPermanentlyBeforeAnyRequest(string problem, string message)
    {
        var request = problem switch
        {
            "square" => Request(GenerationMode.TextToVideo, AspectRatio.Square1x1),
            "4:5" => Request(GenerationMode.TextToVideo, AspectRatio.Portrait4x5),
            "video" => Request(GenerationMode.VideoToVideo),
            "image without input" => Request(GenerationMode.ImageToVideo),
            "empty prompt" => Request(GenerationMode.TextToVideo) with { Prompt = "" },
            "long prompt" => Request(GenerationMode.TextToVideo) with { Prompt = new string('a', 1025) },
            _ => Request(GenerationMode.TextToVideo, seconds: 9),
        };

        var submit = () => _provider.SubmitAsync(request, CancellationToken.None);

        (await submit.Should().ThrowAsync<ProviderException>()).Which.Should().Match<ProviderException>(e => e.IsPermanent && e.Message.Contains(message));
        _veo.Requests.Should().BeEmpty();
    }

    [Fact]
    public async Task SubmitAsync_InvalidKey_FailsPermanentlyNamingTheSetting()
    {
        var provider = await ProviderAsync(new() { ["Studio:Providers:Veo:ApiKey"] = "AIza-wrong" });

        var submit = () => provider.SubmitAsync(Request(GenerationMode.TextToVideo), CancellationToken.None);

        var error = (await submit.Should().ThrowAsync<ProviderException>()).Which;
        error.IsPermanent.Should().BeTrue();
        error.Message.Should().Contain("Studio:Providers:Veo:ApiKey").And.Contain("API key not valid").And.NotContain("AIza-wrong");
        _veo.Requests.Should().ContainSingle();
    }

    [Fact]
    public async Task SubmitAsync_ResourceExhaustedThenAccepted_BacksOffAndRetriesWithoutRetryAfter()
    {
        _veo.ReplyToStart(429, "RESOURCE_EXHAUSTED", "Resource has been exhausted (e.g. check quota).");

        var name = await _provider.SubmitAsync(Request(GenerationMode.TextToVideo), CancellationToken.None);

        _veo.Requests.Should().HaveCount(2).And.OnlyContain(r => r.Method == "POST");
        _veo.OperationsStarted.Should().Be(1);
        name.Should().NotBeNullOrEmpty();
    }

    [Fact]
    public async Task SubmitAsync_ResourceExhaustedEveryTime_FailsTransientlyWithNothingStarted()
    {
        for (var i = 0; i < 4; i++)
        {
            _veo.ReplyToStart(429, "RESOURCE_EXHAUSTED", "Resource has been exhausted (e.g. check quota).");
        }

        var submit = () => _provider.SubmitAsync(Request(GenerationMode.TextToVideo), CancellationToken.None);

        var error = (await submit.Should().ThrowAsync<ProviderException>()).Which;
        (error.IsPermanent, error.NothingStarted).Should().Be((false, true));
        error.Message.Should().Contain("Resource has been exhausted").And.Contain("RESOURCE_EXHAUSTED");
        _veo.Requests.Should().HaveCount(4, "the first try and the pipeline's 3 retries");
    }

    [Fact]
    public async Task SubmitAsync_InvalidArgument_FailsPermanentlyWithGooglesWords()
    {
        _veo.ReplyToStart(400, "INVALID_ARGUMENT", "The model veo-3.1-generate-preview does not support 1080p with 4 seconds.");

        var submit = () => _provider.SubmitAsync(Request(GenerationMode.TextToVideo), CancellationToken.None);

        var error = (await submit.Should().ThrowAsync<ProviderException>()).Which;
        (error.IsPermanent, error.Message).Should().Be((true, "The model veo-3.1-generate-preview does not support 1080p with 4 seconds. (INVALID_ARGUMENT)"));
        _veo.Requests.Should().ContainSingle();
    }

    [Theory]
    [InlineData(500, "INTERNAL", false)]
    [InlineData(503, "UNAVAILABLE", true)]
    public async Task SubmitAsync_ServerError_IsNotRetriedAndFailsTransiently(int status, string rpcStatus, bool nothingStarted)
    {
        _veo.ReplyToStart(status, rpcStatus, "The service is currently unavailable.");

        var submit = () => _provider.SubmitAsync(Request(GenerationMode.TextToVideo), CancellationToken.None);

        var error = (await submit.Should().ThrowAsync<ProviderException>()).Which;
        (error.IsPermanent, error.NothingStarted).Should().Be((false, nothingStarted));
        error.Message.Should().Contain("currently unavailable");
        _veo.Requests.Should().ContainSingle("a paid POST is never repeated blindly");
    }

    [Fact]
    public async Task GetStatusAsync_UnavailableOnce_IsRetried()
    {
        var name = await _provider.SubmitAsync(Request(GenerationMode.TextToVideo), CancellationToken.None);
        _veo.ReplyToOperation(503, "UNAVAILABLE", "The service is currently unavailable.");

        var status = await _provider.GetStatusAsync(name, CancellationToken.None);

        status.Should().Be(ProviderJobStatus.Running(0));
        _veo.Requests.Count(r => r.Method == "GET" && r.Path.StartsWith(Operations, StringComparison.Ordinal)).Should().Be(2);
    }

    [Theory]
    [InlineData(3, "INVALID_ARGUMENT", "Unsupported image format.", true, "Unsupported image format. (INVALID_ARGUMENT)")]
    [InlineData(3, null, "Unsupported image format.", true, "Unsupported image format.")]
    [InlineData(9, null, "User location is not supported for the API use.", true, "User location is not supported for the API use.")]
    [InlineData(13, "INTERNAL", "Internal error encountered.", false, "Internal error encountered. (INTERNAL)")]
    [InlineData(14, null, "The service is currently unavailable.", false, "The service is currently unavailable.")]
    public async Task GetStatusAsync_OperationError_KeepsGooglesWordsAndIsPermanentForInvalidArgumentAndFailedPrecondition(
        int code, string? rpcStatus, string message, bool permanent, string expected)
    {
        _veo.PollsBeforeDone = 0;
        _veo.OperationError = (code, rpcStatus, message);
        var name = await _provider.SubmitAsync(Request(GenerationMode.TextToVideo), CancellationToken.None);

        var status = await _provider.GetStatusAsync(name, CancellationToken.None);

        status.Should().Be(ProviderJobStatus.Failed(expected, permanent));
    }

    [Fact]
    public async Task GetStatusAsync_SafetyFiltered_IsPermanentAndGivesTheReasons()
    {
        _veo.PollsBeforeDone = 0;
        _veo.FilteredReasons = ["We encountered an issue with the audio for your prompt. You have not been charged."];
        var name = await _provider.SubmitAsync(Request(GenerationMode.TextToVideo), CancellationToken.None);

        var status = await _provider.GetStatusAsync(name, CancellationToken.None);

        (status.State, status.IsPermanent).Should().Be((ProviderJobState.Failed, true));
        status.Error.Should().Contain("Google's safety filters").And.Contain("issue with the audio for your prompt");
    }

    [Fact]
    public async Task GetStatusAsync_UnknownOperation_IsATransientFailure()
    {
        var status = await _provider.GetStatusAsync("models/veo-3.1-generate-preview/operations/unknown1", CancellationToken.None);

        (status.State, status.IsPermanent).Should().Be((ProviderJobState.Failed, false));
        _veo.Requests.Single().Path.Should().Be(Operations + "unknown1");
    }

    [Fact]
    public async Task GetStatusAsync_NameThatIsNotAnOperation_IsRefusedBeforeAnyRequest()
    {
        var poll = () => _provider.GetStatusAsync("https://elsewhere.example/steal", CancellationToken.None);

        (await poll.Should().ThrowAsync<ProviderException>()).Which.IsPermanent.Should().BeTrue();
        _veo.Requests.Should().BeEmpty();
    }

    [Fact]
    public async Task DownloadAsync_FileExpired_FailsTransientlySayingItExpired()
    {
        _veo.PollsBeforeDone = 0;
        _veo.FileGone = true;
        var name = await _provider.SubmitAsync(Request(GenerationMode.TextToVideo), CancellationToken.None);

        var download = () => _provider.DownloadAsync(name, Stream.Null, CancellationToken.None);

        var error = (await download.Should().ThrowAsync<ProviderException>()).Which;
        (error.IsPermanent, error.Message.Contains("expired", StringComparison.Ordinal)).Should().Be((false, true));
        _veo.Storage.Requests.Should().BeEmpty();
    }

    [Fact]
    public async Task DownloadAsync_StorageObjectGone_FailsTransientlySayingItExpired()
    {
        _veo.PollsBeforeDone = 0;
        _veo.Storage.Status = 404;
        var name = await _provider.SubmitAsync(Request(GenerationMode.TextToVideo), CancellationToken.None);

        var download = () => _provider.DownloadAsync(name, Stream.Null, CancellationToken.None);

        var error = (await download.Should().ThrowAsync<ProviderException>()).Which;
        (error.IsPermanent, error.Message.Contains("expired", StringComparison.Ordinal)).Should().Be((false, true));
        _veo.Storage.Requests.Should().ContainSingle().Which.Headers.Should().NotContainKey("x-goog-api-key");
    }

    [Fact]
    public async Task DownloadAsync_NotDoneYet_FailsTransientlyWithoutFetching()
    {
        var name = await _provider.SubmitAsync(Request(GenerationMode.TextToVideo), CancellationToken.None);

        var download = () => _provider.DownloadAsync(name, Stream.Null, CancellationToken.None);

        (await download.Should().ThrowAsync<ProviderException>()).Which.IsPermanent.Should().BeFalse();
        _veo.Requests.Should().NotContain(r => r.Path.StartsWith("/v1beta/files/", StringComparison.Ordinal));
    }

    [Fact]
    public async Task CancelAsync_Any_SendsNothingAndDoesNotFail()
    {
        var name = await _provider.SubmitAsync(Request(GenerationMode.TextToVideo), CancellationToken.None);

        await _provider.CancelAsync(name, CancellationToken.None);

        _veo.Requests.Should().ContainSingle("Veo documents no cancel");
    }

    private static GenerationRequest Request(
        GenerationMode mode,
        AspectRatio aspectRatio = AspectRatio.Landscape16x9,
        double seconds = 5,
        GenerationInput? input = null) =>
        new(Guid.NewGuid(), "A lighthouse at dawn", "", mode, aspectRatio, TimeSpan.FromSeconds(seconds), input);

    private async Task<IVideoProvider> ProviderAsync(Dictionary<string, string?>? settings = null)
    {
        var all = new Dictionary<string, string?>
        {
            ["Studio:Providers:Veo:BaseUrl"] = _veo.ApiBase.ToString(),
            ["Studio:Providers:Veo:ApiKey"] = FakeVeoServer.Key,
            ["Studio:Providers:Veo:Http:RetryBaseDelay"] = "00:00:00.010",
        };
        foreach (var (key, value) in settings ?? [])
        {
            all[key] = value;
        }

        var host = await CoreHost.StartAsync(all);
        _hosts.Add(host);
        return host.Get<VideoProviderCatalog>().Get(VeoVideoProvider.ProviderName);
    }

    private async Task<GenerationInput> StoreAsync(byte[] png)
    {
        var key = $"assets/{Guid.NewGuid():N}.png";
        await _hosts[^1].Get<IFileStore>().PutAsync(key, new MemoryStream(png), CancellationToken.None);
        return new GenerationInput(Guid.NewGuid(), key, AssetKind.Image, "image/png");
    }
}
