using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Options;
using Studio.Core.Assets;
using Studio.Core.Costs;
using Studio.Core.Providers;
using Studio.Core.Segments;
using Studio.Core.Storage;
using Studio.Core.Templates;
using Studio.Providers.Sora;
using Studio.Tests.Fakes;
using Studio.Tests.Fakes.Sora;

namespace Studio.Tests.Providers.Sora;

/// <summary>The <c>sora</c> provider through the real DI, client and pipeline, against a fake of OpenAI's Videos API.</summary>
public sealed class SoraVideoProviderTests : IAsyncLifetime
{
    private FakeSoraServer _sora = null!;
    private CoreHost _core = null!;
    private byte[] _mp4 = [];

    private IVideoProvider Provider => _core.Get<VideoProviderCatalog>().Get(SoraVideoProvider.ProviderName);

    public async Task InitializeAsync()
    {
        _mp4 = await ResultClips.Mp4Async(144, 256, 1);
        _sora = await FakeSoraServer.StartAsync(_mp4);
        _core = await StartHostAsync(FakeSoraServer.Key);
    }

    public async Task DisposeAsync()
    {
        await _core.DisposeAsync();
        await _sora.DisposeAsync();
    }

    [Fact]
    public async Task SubmitAsync_TextToVideo_PostsJsonWithSecondsAsAString()
    {
        var id = await Provider.SubmitAsync(Request("A fox in the snow.", style: "nature documentary", seconds: 5), CancellationToken.None);

        var post = _sora.Requests.Single();
        (post.Method, post.Path).Should().Be(("POST", "/v1/videos"));
        post.Headers["Authorization"].Should().Be($"Bearer {FakeSoraServer.Key}");
        post.Headers["Content-Type"].Should().StartWith("application/json");
        var body = JsonNode.Parse(post.Body)!.AsObject();
        body["model"]!.GetValue<string>().Should().Be("sora-2");
        body["prompt"]!.GetValue<string>().Should().Be("A fox in the snow. Style: nature documentary");
        body["seconds"]!.GetValueKind().Should().Be(JsonValueKind.String);
        body["seconds"]!.GetValue<string>().Should().Be("8", "a 5 s segment gets Sora's nearest longer clip");
        body["size"]!.GetValue<string>().Should().Be("720x1280");
        id.Should().StartWith("video_");
    }

    [Fact]
    public async Task TextToVideo_PolledToTheEnd_CarriesPollAfterAndDownloadsTheMp4WithTheKey()
    {
        _sora.PollsBeforeDone = 2;
        var id = await Provider.SubmitAsync(Request("A fox in the snow") with { AspectRatio = AspectRatio.Landscape16x9 }, CancellationToken.None);

        var statuses = new List<ProviderJobStatus>();
        for (var i = 0; i < 3; i++)
        {
            statuses.Add(await Provider.GetStatusAsync(id, CancellationToken.None));
        }

        using var clip = new MemoryStream();
        await Provider.DownloadAsync(id, clip, CancellationToken.None);

        statuses.Select(s => (s.State, s.Progress)).Should().Equal(
            (ProviderJobState.Queued, 0d), (ProviderJobState.Running, 0.5d), (ProviderJobState.Succeeded, 1d));
        statuses.Should().AllSatisfy(s => s.PollAfter.Should().Be(TimeSpan.FromMilliseconds(_sora.PollAfterMs)));
        JsonNode.Parse(_sora.Requests.First().Body)!["size"]!.GetValue<string>().Should().Be("1280x720");
        clip.ToArray().Should().Equal(_mp4);
        var content = _sora.Requests.Last();
        (content.Path, content.Query).Should().Be(($"/v1/videos/{id}/content", "?variant=video"));
        content.Headers["Accept"].Should().Be("application/binary");
        content.Headers["Authorization"].Should().Be($"Bearer {FakeSoraServer.Key}");
    }

    [Fact]
    public async Task ImageToVideo_UploadsTheImageFittedToTheSize_AndDownloadsTheMp4()
    {
        _sora.PollsBeforeDone = 0;
        var input = await StoreImageAsync(_core);

        var id = await Provider.SubmitAsync(Request("The fox runs", mode: GenerationMode.ImageToVideo, input: input, seconds: 4), CancellationToken.None);
        (await Provider.GetStatusAsync(id, CancellationToken.None)).State.Should().Be(ProviderJobState.Succeeded);
        using var clip = new MemoryStream();
        await Provider.DownloadAsync(id, clip, CancellationToken.None);

        _sora.Requests.First().Headers["Content-Type"].Should().StartWith("multipart/form-data");
        _sora.InputImages.Should().ContainSingle().Which.Should().Be(("image/png", 720, 1280));
        var fields = _sora.FormFields.Single();
        (fields["prompt"], fields["model"], fields["seconds"], fields["size"]).Should().Be(("The fox runs", "sora-2", "4", "720x1280"));
        clip.ToArray().Should().Equal(_mp4);
    }

    [Theory]
    [InlineData("", GenerationMode.TextToVideo, AspectRatio.Portrait9x16, "empty")]
    [InlineData("A fox", GenerationMode.TextToVideo, AspectRatio.Square1x1, "only 9:16 and 16:9")]
    [InlineData("A fox", GenerationMode.TextToVideo, AspectRatio.Portrait4x5, "only 9:16 and 16:9")]
    [InlineData("A fox", GenerationMode.VideoToVideo, AspectRatio.Portrait9x16, "cannot make video-to-video clips")]
    [InlineData("A fox", GenerationMode.ImageToVideo, AspectRatio.Portrait9x16, "needs an input image")]
    public async Task SubmitAsync_RequestSoraCannotMake_FailsPermanentlyWithoutARequest(string prompt, GenerationMode mode, AspectRatio ratio, string message)
    {
        var submit = () => Provider.SubmitAsync(Request(prompt, mode: mode) with { AspectRatio = ratio }, CancellationToken.None);

        var error = (await submit.Should().ThrowAsync<ProviderException>()).Which;
        error.IsPermanent.Should().BeTrue();
        error.Message.Should().Contain(message);
        _sora.Requests.Should().BeEmpty();
    }

    [Fact]
    public async Task SubmitAsync_PromptOverTheLimit_FailsPermanentlyWithoutARequest()
    {
        var submit = () => Provider.SubmitAsync(Request(new string('a', 4001)), CancellationToken.None);

        (await submit.Should().ThrowAsync<ProviderException>()).Which.Message.Should().Contain("4000");
        _sora.Requests.Should().BeEmpty();
    }

    [Fact]
    public async Task SubmitAsync_ModerationBlocked_FailsPermanentlyWithOpenAisMessage()
    {
        var submit = () => Provider.SubmitAsync(Request("A fox [blocked]"), CancellationToken.None);

        var error = (await submit.Should().ThrowAsync<ProviderException>()).Which;
        error.IsPermanent.Should().BeTrue();
        error.Message.Should().Be("Your request was blocked by our moderation system.");
        _sora.Requests.Should().ContainSingle();
    }

    [Fact]
    public async Task SubmitAsync_RateLimited_IsRetriedAfterRetryAfter_AndCreatedOnce()
    {
        _sora.ReplyError(429, "requests", "rate_limit_exceeded", "Rate limit reached for sora-2 in organization org-x on requests per min.", retryAfter: "0");

        await Provider.SubmitAsync(Request("A fox in the snow"), CancellationToken.None);

        _sora.Requests.Should().HaveCount(2).And.AllSatisfy(r => r.Method.Should().Be("POST"));
        _sora.Created.Should().Be(1);
    }

    [Fact]
    public async Task SubmitAsync_QuotaSpent_FailsPermanentlySayingSo()
    {
        // A spent quota does not lift in seconds: the pipeline does not retry it (ProviderRetryRule.SaysDoNotRetryAsync).
        _sora.ReplyError(429, "insufficient_quota", "insufficient_quota", "You exceeded your current quota, please check your plan and billing details.");

        var submit = () => Provider.SubmitAsync(Request("A fox in the snow"), CancellationToken.None);

        var error = (await submit.Should().ThrowAsync<ProviderException>()).Which;
        error.IsPermanent.Should().BeTrue();
        error.NothingStarted.Should().BeTrue();
        error.Message.Should().Contain("quota is spent").And.Contain("You exceeded your current quota");
        _sora.Requests.Should().ContainSingle("a spent quota is not retried");
        _sora.Created.Should().Be(0);
    }

    [Fact]
    public async Task SubmitAsync_ServerError_FailsTransientWithoutResubmitting()
    {
        _sora.ReplyError(500, "server_error", null, "The server had an error while processing your request.");

        var submit = () => Provider.SubmitAsync(Request("A fox in the snow"), CancellationToken.None);

        var error = (await submit.Should().ThrowAsync<ProviderException>()).Which;
        error.IsPermanent.Should().BeFalse();
        error.Message.Should().Contain("The server had an error");
        _sora.Requests.Should().ContainSingle();
    }

    [Fact]
    public async Task SubmitAsync_WrongKey_FailsPermanentlyNamingTheSettingNotTheKey()
    {
        await using var core = await StartHostAsync("sk-wrong-key");
        var provider = core.Get<VideoProviderCatalog>().Get(SoraVideoProvider.ProviderName);

        var submit = () => provider.SubmitAsync(Request("A fox in the snow"), CancellationToken.None);

        var error = (await submit.Should().ThrowAsync<ProviderException>()).Which;
        error.IsPermanent.Should().BeTrue();
        error.Message.Should().Contain("Studio:Providers:Sora:ApiKey").And.Contain("Incorrect API key").And.NotContain("sk-wrong-key");
    }

    [Theory]
    [InlineData("moderation_blocked", "The video was blocked by our moderation system.", true)]
    [InlineData("internal_error", "Video generation failed.", false)]
    public async Task GetStatusAsync_Failed_CarriesOpenAisMessage_PermanentForModeration(string code, string message, bool permanent)
    {
        _sora.PollsBeforeDone = 0;
        _sora.Failure = (code, message);
        var id = await Provider.SubmitAsync(Request("A fox in the snow"), CancellationToken.None);

        var status = await Provider.GetStatusAsync(id, CancellationToken.None);

        status.State.Should().Be(ProviderJobState.Failed);
        status.Error.Should().Be(message);
        status.IsPermanent.Should().Be(permanent);
    }

    [Fact]
    public async Task GetStatusAsync_Unavailable_IsRetried()
    {
        var id = await Provider.SubmitAsync(Request("A fox in the snow"), CancellationToken.None);
        _sora.ReplyError(503, "server_error", null, "The engine is currently overloaded.", retryAfter: "0");

        var status = await Provider.GetStatusAsync(id, CancellationToken.None);

        status.State.Should().Be(ProviderJobState.Queued);
        _sora.Requests.Count(r => r.Method == "GET").Should().Be(2);
    }

    [Fact]
    public async Task DownloadAsync_ExpiredContent_IsTransientSayingSo()
    {
        _sora.PollsBeforeDone = 0;
        var id = await Provider.SubmitAsync(Request("A fox in the snow"), CancellationToken.None);
        await Provider.GetStatusAsync(id, CancellationToken.None);
        _sora.ContentExpired = true;

        var download = () => Provider.DownloadAsync(id, Stream.Null, CancellationToken.None);

        var error = (await download.Should().ThrowAsync<ProviderException>()).Which;
        error.IsPermanent.Should().BeFalse();
        error.Message.Should().Contain("expired").And.Contain("404");
    }

    [Fact]
    public async Task CancelAsync_Video_DeletesItAtOpenAi()
    {
        var id = await Provider.SubmitAsync(Request("A fox in the snow"), CancellationToken.None);

        await Provider.CancelAsync(id, CancellationToken.None);

        var delete = _sora.Requests.Last();
        (delete.Method, delete.Path).Should().Be(("DELETE", $"/v1/videos/{id}"));
        _sora.Created.Should().Be(0);
    }

    [Fact]
    public async Task CancelAsync_UnknownVideo_IsNotAnError()
    {
        var cancel = () => Provider.CancelAsync("video_unknown", CancellationToken.None);

        await cancel.Should().NotThrowAsync();
        _sora.Requests.Should().ContainSingle().Which.Method.Should().Be("DELETE");
    }

    [Fact]
    public async Task Provider_WithoutAKey_IsListedButNotConfigured()
    {
        await using var bare = await CoreHost.StartAsync();

        var sora = bare.Get<VideoProviderCatalog>().Get(SoraVideoProvider.ProviderName);

        sora.IsConfigured.Should().BeFalse();
        sora.DisplayName.Should().Be("OpenAI Sora 2");
        sora.MaxConcurrency.Should().Be(2);
        Provider.IsConfigured.Should().BeTrue();
    }

    [Theory]
    [InlineData(3, 4)]
    [InlineData(4, 4)]
    [InlineData(5, 8)]
    [InlineData(9, 12)]
    [InlineData(13, 12)]
    public void Quote_SegmentLength_AsksForTheNearestLongerClip(int segment, int clip)
    {
        Provider.Quote(Request("A fox", seconds: segment)).Should().Be(new ClipQuote("sora-2", "720p", TimeSpan.FromSeconds(clip)));
    }

    [Fact]
    public void ClipPrice_DefaultModel_IsSoraTwosPerSecondPriceTimesTheClip()
    {
        CostModel.ClipPrice(Provider, Request("A fox", seconds: 5)).Should().Be(0.80m, "8 s of sora-2 at $0.10/s");
        Provider.Capabilities.RefundsFailures.Should().BeFalse();
        Provider.Capabilities.InputsByLink.Should().BeFalse();
        Provider.Capabilities.FindsSubmissions.Should().BeFalse();
    }

    [Fact]
    public async Task SoraTwoPro_At1024p_AsksForTheLargeSizeAndIsPricedAtThatResolution()
    {
        await using var core = await StartHostAsync(FakeSoraServer.Key, ("Model", "sora-2-pro"), ("Resolution", "1024p"));
        var provider = core.Get<VideoProviderCatalog>().Get(SoraVideoProvider.ProviderName);
        var request = Request("A fox in the snow", seconds: 8);

        await provider.SubmitAsync(request, CancellationToken.None);

        provider.Quote(request).Should().Be(new ClipQuote("sora-2-pro", "1024p", TimeSpan.FromSeconds(8)));
        CostModel.ClipPrice(provider, request).Should().Be(4.00m, "8 s of sora-2-pro at $0.50/s at 1024p");
        var body = JsonNode.Parse(_sora.Requests.Single().Body)!;
        (body["model"]!.GetValue<string>(), body["size"]!.GetValue<string>()).Should().Be(("sora-2-pro", "1024x1792"));
    }

    [Fact]
    public async Task Options_1024pWithSoraTwo_AreRefusedNamingTheSetting()
    {
        await using var core = await StartHostAsync(FakeSoraServer.Key, ("Resolution", "1024p"));

        var read = () => core.Get<IOptions<SoraOptions>>().Value;

        read.Should().Throw<OptionsValidationException>().Which.Message.Should().Contain("Studio:Providers:Sora:Resolution 1024p needs a sora-2-pro model");
    }

    private async Task<CoreHost> StartHostAsync(string key, params (string Key, string Value)[] extra)
    {
        var settings = new Dictionary<string, string?>
        {
            ["Studio:Providers:Sora:BaseUrl"] = _sora.ApiUrl.ToString(),
            ["Studio:Providers:Sora:ApiKey"] = key,
            ["Studio:Providers:Sora:Http:RetryBaseDelay"] = "00:00:00.010",
            ["Studio:Providers:Sora:Http:MaxRetryAttempts"] = "1",
        };
        foreach (var (name, value) in extra)
        {
            settings[$"Studio:Providers:Sora:{name}"] = value;
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
        int seconds = 4,
        GenerationInput? input = null) =>
        new(Guid.NewGuid(), prompt, style, mode, AspectRatio.Portrait9x16, TimeSpan.FromSeconds(seconds), input);
}
