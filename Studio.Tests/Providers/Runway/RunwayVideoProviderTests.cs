using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Options;
using Studio.Core.Assets;
using Studio.Core.Media;
using Studio.Core.Providers;
using Studio.Core.Segments;
using Studio.Core.Storage;
using Studio.Core.Templates;
using Studio.Providers.Runway;
using Studio.Tests.Fakes;
using Studio.Tests.Fakes.Runway;

namespace Studio.Tests.Providers.Runway;

/// <summary>The <c>runway</c> provider, built by the real DI, against a fake of Runway's API (providers.md §2).</summary>
public sealed class RunwayVideoProviderTests : IAsyncLifetime
{
    private const string PublicBaseUrl = "https://studio.example/";

    private readonly List<CoreHost> _hosts = [];
    private FakeRunwayServer _runway = null!;
    private byte[] _mp4 = [];
    private IVideoProvider _provider = null!;

    public async Task InitializeAsync()
    {
        _mp4 = await ResultClips.Mp4Async();
        _runway = await FakeRunwayServer.StartAsync(_mp4);
        _provider = await ProviderAsync();
    }

    public async Task DisposeAsync()
    {
        foreach (var host in _hosts)
        {
            await host.DisposeAsync();
        }

        await _runway.DisposeAsync();
    }

    [Fact]
    public void Capabilities_Always_DescribeRunway()
    {
        var capabilities = _provider.Capabilities;

        (_provider.Name, _provider.DisplayName, _provider.IsConfigured, _provider.MaxConcurrency).Should().Be(("runway", "Runway", true, 4));
        capabilities.Modes.Should().BeEquivalentTo(Enum.GetValues<GenerationMode>());
        capabilities.AspectRatios.Should().BeEquivalentTo(Enum.GetValues<AspectRatio>());
        capabilities.MaxPromptLength.Should().Be(1000);
        capabilities.MaxDuration.Should().Be(TimeSpan.FromSeconds(10));
        capabilities.ClipLengths.Should().Equal(TimeSpan.FromSeconds(5), TimeSpan.FromSeconds(10));
        capabilities.MinPollInterval.Should().Be(TimeSpan.FromSeconds(5));
        (capabilities.RefundsFailures, capabilities.FindsSubmissions, capabilities.InputsByLink).Should().Be((true, false, false));
    }

    [Fact]
    public async Task IsConfigured_NoKey_IsFalse()
    {
        var provider = await ProviderAsync(new() { ["Studio:Providers:Runway:ApiKey"] = "" });

        provider.IsConfigured.Should().BeFalse();
    }

    [Theory]
    [InlineData(GenerationMode.ImageToVideo, 6, "gen4_turbo", 10, 0.50)]
    [InlineData(GenerationMode.ImageToVideo, 3, "gen4_turbo", 5, 0.25)]
    [InlineData(GenerationMode.TextToVideo, 5, "gen4.5", 5, 0.60)]
    [InlineData(GenerationMode.VideoToVideo, 4, "gen4_aleph", 5, 0.75)]
    public void Quote_Segment_AsksTheNearestLongerLengthOfTheModeModelPricedFromPrices(
        GenerationMode mode, double segmentSeconds, string model, double clipSeconds, double usd)
    {
        var quote = _provider.Quote(Request(mode, seconds: segmentSeconds));

        quote.Should().Be(new ClipQuote(model, "", TimeSpan.FromSeconds(clipSeconds)));
        _provider.Prices[quote.Model].PriceOf(quote).Should().Be((decimal)usd);
    }

    [Fact]
    public async Task Prices_Configured_ReplaceTheDefaultsAndKeepTheOthers()
    {
        var provider = await ProviderAsync(new()
        {
            ["Studio:Providers:Runway:Prices:gen4_turbo:PerSecondUsd"] = "0.07",
            ["Studio:Providers:Runway:Prices:gen4_turbo:Resolutions:720p:PerClipUsd"] = "0.30",
        });

        var quote = provider.Quote(Request(GenerationMode.ImageToVideo));

        provider.Prices[quote.Model].PriceOf(quote).Should().Be(0.35m, "no resolution is quoted, so the per-second price applies");
        provider.Prices["gen4.5"].PerSecondUsd.Should().Be(0.12m);
    }

    [Fact]
    public async Task SubmitAsync_TextToVideo_PostsGen45WithHeadersRatioAndIntegerDuration()
    {
        var request = Request(GenerationMode.TextToVideo, AspectRatio.Portrait9x16, seconds: 4) with { StylePrompt = "warm film grain" };

        var id = await _provider.SubmitAsync(request, CancellationToken.None);

        var sent = _runway.Requests.Single();
        (sent.Method, sent.Path).Should().Be(("POST", "/v1/text_to_video"));
        sent.Headers["Authorization"].Should().Be($"Bearer {FakeRunwayServer.Key}");
        sent.Headers["X-Runway-Version"].Should().Be("2024-11-06");
        sent.Headers["Content-Type"].Should().StartWith("application/json");
        var body = JsonNode.Parse(sent.Body)!.AsObject();
        body.Select(p => p.Key).Should().BeEquivalentTo(["model", "promptText", "ratio", "duration"]);
        (body["model"]!.GetValue<string>(), body["promptText"]!.GetValue<string>(), body["ratio"]!.GetValue<string>())
            .Should().Be(("gen4.5", "A lighthouse at dawn. Style: warm film grain", "720:1280"));
        body["duration"]!.GetValueKind().Should().Be(JsonValueKind.Number);
        body["duration"]!.GetValue<int>().Should().Be(5);
        Guid.TryParse(id, out _).Should().BeTrue();
    }

    [Fact]
    public async Task SubmitPollDownload_ImageToVideo_SendsADataUriWalksTheStatusesAndDeliversTheMp4WithoutTheKey()
    {
        var png = await ResultClips.PngAsync();
        var request = Request(GenerationMode.ImageToVideo, AspectRatio.Portrait4x5, seconds: 7, input: await StoreAsync(png, AssetKind.Image, "image/png"));

        var id = await _provider.SubmitAsync(request, CancellationToken.None);
        var statuses = new List<ProviderJobStatus>();
        for (var i = 0; i < 4; i++)
        {
            statuses.Add(await _provider.GetStatusAsync(id, CancellationToken.None));
        }

        using var clip = new MemoryStream();
        await _provider.DownloadAsync(id, clip, CancellationToken.None);

        var body = JsonNode.Parse(_runway.Requests.First().Body)!;
        _runway.Requests.First().Path.Should().Be("/v1/image_to_video");
        (body["model"]!.GetValue<string>(), body["ratio"]!.GetValue<string>(), body["duration"]!.GetValue<int>()).Should().Be(("gen4_turbo", "832:1104", 10));
        body["promptImage"]!.GetValue<string>().Should().Be($"data:image/png;base64,{Convert.ToBase64String(png)}");
        statuses.Should().Equal(
            ProviderJobStatus.Queued,
            ProviderJobStatus.Queued with { Detail = "Queued at provider" },
            ProviderJobStatus.Running(0.75),
            ProviderJobStatus.Succeeded);
        clip.ToArray().Should().Equal(_mp4);
        var cdn = _runway.CdnRequests.Single();
        cdn.Path.Should().Be($"/cdn/{id}.mp4");
        cdn.Headers.Should().NotContainKey("Authorization").And.NotContainKey("X-Runway-Version");
        _runway.ApiRequests.Should().OnlyContain(r => r.Headers["X-Runway-Version"] == "2024-11-06");
    }

    [Fact]
    public async Task SubmitAsync_ImageOverTheInlineLimit_SendsItFittedToTheRatioAsAJpeg()
    {
        var noise = await NoisePngAsync();
        noise.Length.Should().BeGreaterThan(3 * 1024 * 1024, "the test needs an image over the inline limit");
        var input = await StoreAsync(noise, AssetKind.Image, "image/png");

        await _provider.SubmitAsync(Request(GenerationMode.ImageToVideo, AspectRatio.Landscape16x9, input: input), CancellationToken.None);

        var promptImage = JsonNode.Parse(_runway.Requests.Single().Body)!["promptImage"]!.GetValue<string>();
        promptImage.Should().StartWith("data:image/jpeg;base64,");
        var jpeg = Convert.FromBase64String(promptImage["data:image/jpeg;base64,".Length..]);
        (jpeg[0], jpeg[1]).Should().Be(((byte)0xFF, (byte)0xD8));
        jpeg.Length.Should().BeLessThan(noise.Length);
    }

    [Fact]
    public async Task SubmitAsync_VideoToVideo_SendsASignedLinkToGen4AlephWithoutDuration()
    {
        var provider = await ProviderAsync(new() { ["Studio:PublicBaseUrl"] = PublicBaseUrl });
        var input = await StoreAsync(_mp4, AssetKind.Video, "video/mp4");

        await provider.SubmitAsync(Request(GenerationMode.VideoToVideo, AspectRatio.Square1x1, input: input), CancellationToken.None);

        var sent = _runway.Requests.Single();
        sent.Path.Should().Be("/v1/video_to_video");
        var body = JsonNode.Parse(sent.Body)!.AsObject();
        body.Select(p => p.Key).Should().BeEquivalentTo(["model", "videoUri", "promptText", "ratio"]);
        (body["model"]!.GetValue<string>(), body["ratio"]!.GetValue<string>()).Should().Be(("gen4_aleph", "960:960"));
        body["videoUri"]!.GetValue<string>().Should().StartWith($"{PublicBaseUrl}links/assets/{input.AssetId:N}/");
    }

    [Fact]
    public async Task SubmitAsync_VideoToVideoWithoutPublicBaseUrl_FailsPermanentlyBeforeAnyRequest()
    {
        var input = await StoreAsync(_mp4, AssetKind.Video, "video/mp4");

        var submit = () => _provider.SubmitAsync(Request(GenerationMode.VideoToVideo, input: input), CancellationToken.None);

        var error = (await submit.Should().ThrowAsync<ProviderException>()).Which;
        (error.IsPermanent, error.Message.Contains("Studio:PublicBaseUrl", StringComparison.Ordinal)).Should().Be((true, true));
        _runway.Requests.Should().BeEmpty();
    }

    [Theory]
    [InlineData("empty prompt", "The prompt is empty.")]
    [InlineData("long prompt", "longer than the 1000 characters")]
    [InlineData("image without input", "needs an input image")]
    [InlineData("too long", "at most 10 seconds")]
    public async Task SubmitAsync_InvalidRequest_FailsPermanentlyBeforeAnyRequest(string problem, string message)
    {
        var request = problem switch
        {
            "empty prompt" => Request(GenerationMode.TextToVideo) with { Prompt = "  " },
            "long prompt" => Request(GenerationMode.TextToVideo) with { Prompt = new string('a', 1001) },
            "image without input" => Request(GenerationMode.ImageToVideo),
            _ => Request(GenerationMode.TextToVideo, seconds: 11),
        };

        var submit = () => _provider.SubmitAsync(request, CancellationToken.None);

        (await submit.Should().ThrowAsync<ProviderException>()).Which.Should().Match<ProviderException>(e => e.IsPermanent && e.Message.Contains(message));
        _runway.Requests.Should().BeEmpty();
    }

    [Fact]
    public async Task SubmitAsync_LongStylePrompt_IsCutToRunwaysLimit()
    {
        await _provider.SubmitAsync(Request(GenerationMode.TextToVideo) with { StylePrompt = new string('s', 2000) }, CancellationToken.None);

        var promptText = JsonNode.Parse(_runway.Requests.Single().Body)!["promptText"]!.GetValue<string>();
        (promptText.Length, promptText.StartsWith("A lighthouse at dawn. Style: ss", StringComparison.Ordinal)).Should().Be((1000, true));
    }

    [Fact]
    public async Task SubmitAsync_UnknownApiVersion_IsRefusedPermanentlyWithRunwaysWords()
    {
        var provider = await ProviderAsync(new() { ["Studio:Providers:Runway:ApiVersion"] = "2023-09-06" });

        var submit = () => provider.SubmitAsync(Request(GenerationMode.TextToVideo), CancellationToken.None);

        var error = (await submit.Should().ThrowAsync<ProviderException>()).Which;
        (error.IsPermanent, error.Message).Should().Be((true, "Invalid or missing API version. Set the X-Runway-Version header to 2024-11-06."));
        _runway.Requests.Should().ContainSingle();
        _runway.TasksCreated.Should().Be(0);
    }

    [Fact]
    public async Task SubmitAsync_WrongKey_FailsPermanentlyNamingTheSetting()
    {
        var provider = await ProviderAsync(new() { ["Studio:Providers:Runway:ApiKey"] = "key_wrong" });

        var submit = () => provider.SubmitAsync(Request(GenerationMode.TextToVideo), CancellationToken.None);

        var error = (await submit.Should().ThrowAsync<ProviderException>()).Which;
        error.IsPermanent.Should().BeTrue();
        error.Message.Should().Contain("Studio:Providers:Runway:ApiKey").And.Contain("Invalid API key").And.NotContain("key_wrong");
        _runway.Requests.Should().ContainSingle();
    }

    [Fact]
    public async Task SubmitAsync_DailyCapThenAccepted_RetriesThe429OnceAndCreatesOneTask()
    {
        _runway.ReplyToCreate(429, "You have reached your daily generation limit.", retryAfter: "0");

        var id = await _provider.SubmitAsync(Request(GenerationMode.TextToVideo), CancellationToken.None);

        _runway.Requests.Should().HaveCount(2).And.OnlyContain(r => r.Method == "POST" && r.Path == "/v1/text_to_video");
        _runway.TasksCreated.Should().Be(1);
        id.Should().NotBeNullOrEmpty();
    }

    [Fact]
    public async Task SubmitAsync_DailyCapEveryTime_FailsTransientlyWithNothingStarted()
    {
        for (var i = 0; i < 4; i++)
        {
            _runway.ReplyToCreate(429, "You have reached your daily generation limit.", retryAfter: "0");
        }

        var submit = () => _provider.SubmitAsync(Request(GenerationMode.TextToVideo), CancellationToken.None);

        var error = (await submit.Should().ThrowAsync<ProviderException>()).Which;
        (error.IsPermanent, error.NothingStarted).Should().Be((false, true));
        error.Message.Should().Contain("daily generation limit");
        _runway.Requests.Should().HaveCount(4, "the first try and the pipeline's 3 retries");
    }

    [Theory]
    [InlineData(502, false)]
    [InlineData(503, true)]
    [InlineData(504, false)]
    public async Task SubmitAsync_Overloaded_IsNotRetriedAndFailsTransientlyWithRunwaysWords(int status, bool nothingStarted)
    {
        _runway.ReplyToCreate(status, "Runway is experiencing high load. Please try again later.");

        var submit = () => _provider.SubmitAsync(Request(GenerationMode.TextToVideo), CancellationToken.None);

        var error = (await submit.Should().ThrowAsync<ProviderException>()).Which;
        (error.IsPermanent, error.NothingStarted).Should().Be((false, nothingStarted));
        error.Message.Should().Contain("high load");
        _runway.Requests.Should().ContainSingle("a paid POST is never repeated blindly");
    }

    [Fact]
    public async Task GetStatusAsync_OverloadedOnce_IsRetried()
    {
        var id = await _provider.SubmitAsync(Request(GenerationMode.TextToVideo), CancellationToken.None);
        _runway.ReplyToTask(503, "Service unavailable");

        var status = await _provider.GetStatusAsync(id, CancellationToken.None);

        status.Should().Be(ProviderJobStatus.Queued);
        _runway.Requests.Count(r => r.Method == "GET").Should().Be(2);
    }

    [Theory]
    [InlineData("SAFETY.INPUT.TEXT", "Your prompt was flagged by our content moderation system.", true)]
    [InlineData("INPUT_PREPROCESSING.SAFETY.TEXT", "The input could not be processed.", true)]
    [InlineData("INTERNAL.BAD_OUTPUT.CODE01", "An unexpected error occurred.", false)]
    public async Task GetStatusAsync_FailedTask_KeepsRunwaysWordsAndCodeAndIsPermanentOnlyForRefusals(string code, string failure, bool permanent)
    {
        _runway.Polls = [];
        _runway.Failure = (failure, code);
        var id = await _provider.SubmitAsync(Request(GenerationMode.TextToVideo), CancellationToken.None);

        var status = await _provider.GetStatusAsync(id, CancellationToken.None);

        status.Should().Be(ProviderJobStatus.Failed($"{failure} ({code})", permanent));
    }

    [Fact]
    public async Task GetStatusAsync_CancelledTask_IsAPermanentFailure()
    {
        _runway.ReplyToTaskWith("""{"id":"0b1e","status":"CANCELLED","createdAt":"2026-11-25T10:00:00.000Z"}""");

        var status = await _provider.GetStatusAsync("0b1e", CancellationToken.None);

        (status.State, status.IsPermanent, status.Error).Should().Be((ProviderJobState.Failed, true, "The Runway task was cancelled."));
    }

    [Fact]
    public async Task GetStatusAsync_UnknownTask_IsATransientFailure()
    {
        var status = await _provider.GetStatusAsync(Guid.NewGuid().ToString(), CancellationToken.None);

        (status.State, status.IsPermanent).Should().Be((ProviderJobState.Failed, false));
        status.Error.Should().Contain("no longer knows");
    }

    [Fact]
    public async Task CancelAsync_RunningTask_DeletesItWithTheHeaders()
    {
        var id = await _provider.SubmitAsync(Request(GenerationMode.TextToVideo), CancellationToken.None);

        await _provider.CancelAsync(id, CancellationToken.None);

        var delete = _runway.Requests.Last();
        (delete.Method, delete.Path, delete.Headers["X-Runway-Version"]).Should().Be(("DELETE", $"/v1/tasks/{id}", "2024-11-06"));
        (await _provider.GetStatusAsync(id, CancellationToken.None)).State.Should().Be(ProviderJobState.Failed, "a deleted task can no longer be fetched");
    }

    [Fact]
    public async Task CancelAsync_UnknownTask_IsNotAnError()
    {
        var cancel = () => _provider.CancelAsync(Guid.NewGuid().ToString(), CancellationToken.None);

        await cancel.Should().NotThrowAsync();
        _runway.Requests.Single().Method.Should().Be("DELETE");
    }

    [Theory]
    [InlineData(403)]
    [InlineData(404)]
    public async Task DownloadAsync_ExpiredResultUrl_FailsTransientlySayingItExpired(int status)
    {
        _runway.Polls = [];
        _runway.ResultStatus = status;
        var id = await _provider.SubmitAsync(Request(GenerationMode.TextToVideo), CancellationToken.None);

        var download = () => _provider.DownloadAsync(id, Stream.Null, CancellationToken.None);

        var error = (await download.Should().ThrowAsync<ProviderException>()).Which;
        (error.IsPermanent, error.Message.Contains("expired", StringComparison.Ordinal)).Should().Be((false, true));
        _runway.CdnRequests.Should().ContainSingle("403 and 404 are not retried");
    }

    [Fact]
    public async Task DownloadAsync_TaskNotFinished_FailsTransiently()
    {
        var id = await _provider.SubmitAsync(Request(GenerationMode.TextToVideo), CancellationToken.None);

        var download = () => _provider.DownloadAsync(id, Stream.Null, CancellationToken.None);

        (await download.Should().ThrowAsync<ProviderException>()).Which.IsPermanent.Should().BeFalse();
        _runway.CdnRequests.Should().BeEmpty();
    }

    private static GenerationRequest Request(
        GenerationMode mode,
        AspectRatio aspectRatio = AspectRatio.Landscape16x9,
        double seconds = 5,
        GenerationInput? input = null) =>
        new(Guid.NewGuid(), "A lighthouse at dawn", "", mode, aspectRatio, TimeSpan.FromSeconds(seconds), input);

    /// <summary>A 1600×1600 PNG of noise: it does not compress, so it is well over 3 MB.</summary>
    private static async Task<byte[]> NoisePngAsync()
    {
        var file = Path.Combine(Path.GetTempPath(), $"noise-{Guid.NewGuid():N}.png");
        try
        {
            var engine = new FfmpegCoreMediaEngine(Options.Create(new MediaOptions()));
            await engine.RunAsync(
                new MediaJob([MediaInput.Lavfi("color=c=gray:size=1600x1600:duration=1,noise=alls=100:allf=t")], null, ["-frames:v", "1"], file, TimeSpan.Zero),
                null,
                CancellationToken.None);
            return await File.ReadAllBytesAsync(file);
        }
        finally
        {
            File.Delete(file);
        }
    }

    private async Task<IVideoProvider> ProviderAsync(Dictionary<string, string?>? settings = null)
    {
        var all = new Dictionary<string, string?>
        {
            ["Studio:Providers:Runway:BaseUrl"] = _runway.BaseUrl.ToString(),
            ["Studio:Providers:Runway:ApiKey"] = FakeRunwayServer.Key,
            ["Studio:Providers:Runway:Http:RetryBaseDelay"] = "00:00:00.010",
        };
        foreach (var (key, value) in settings ?? [])
        {
            all[key] = value;
        }

        var host = await CoreHost.StartAsync(all);
        _hosts.Add(host);
        return host.Get<VideoProviderCatalog>().Get(RunwayVideoProvider.ProviderName);
    }

    private async Task<GenerationInput> StoreAsync(byte[] bytes, AssetKind kind, string contentType)
    {
        var key = $"assets/{Guid.NewGuid():N}{(kind == AssetKind.Image ? ".png" : ".mp4")}";
        await _hosts[^1].Get<IFileStore>().PutAsync(key, new MemoryStream(bytes), CancellationToken.None);
        return new GenerationInput(Guid.NewGuid(), key, kind, contentType);
    }
}
