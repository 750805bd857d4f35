using Studio.Core.Assembly;
using Studio.Core.Providers;
using Studio.Core.Segments;
using Studio.Core.Templates;
using Studio.Providers.Sim;
using Studio.Providers.Sim.Wire;
using Studio.Tests.Providers.Local;

namespace Studio.Tests.Providers.Sim;

/// <summary>The <c>sim</c> provider over real HTTP against a simulator server: what the orchestrator sees.</summary>
public sealed class SimVideoProviderTests : IAsyncLifetime
{
    private SimServer _server = null!;
    private SimHost _host = null!;
    private readonly TempFolder _folder = new();

    private SimVideoProvider Provider => _host.Provider;

    public Task InitializeAsync()
    {
        _server = SimTestServer.Start();
        _host = SimHost.Create(_server);
        return Task.CompletedTask;
    }

    public async Task DisposeAsync()
    {
        await _host.DisposeAsync();
        await _server.DisposeAsync();
        _folder.Dispose();
    }

    [Fact]
    public void Provider_Always_DescribesItselfAsAPricedTestProviderCapableOfEverythingUpTo10Seconds()
    {
        Provider.Name.Should().Be("sim");
        Provider.DisplayName.Should().Be("Simulator (test provider)");
        Provider.Capabilities.Modes.Should().BeEquivalentTo(Enum.GetValues<GenerationMode>());
        Provider.Capabilities.AspectRatios.Should().BeEquivalentTo(Enum.GetValues<AspectRatio>());
        Provider.Capabilities.MaxPromptLength.Should().Be(2000);
        Provider.Capabilities.MaxDuration.Should().Be(TimeSpan.FromSeconds(10));
    }

    [Fact]
    public void Price_FiveSeconds_IsPricePerSecondTimesSeconds()
    {
        var quote = Provider.Quote(SimRequests.For(seconds: 5));
        Provider.Prices[quote.Model].PriceOf(quote).Should().Be(0.05m);
    }

    [Fact]
    public async Task SubmitPollDownload_HappyPath_DeliversARealMp4OfTheRequestedSizeAndDuration()
    {
        var request = SimRequests.For(aspectRatio: AspectRatio.Portrait4x5, seconds: 2);

        var id = await Provider.SubmitAsync(request, CancellationToken.None);
        var statuses = new List<ProviderJobStatus>();
        for (var i = 0; i < 3; i++)
        {
            statuses.Add(await Provider.GetStatusAsync(id, CancellationToken.None));
        }

        var file = _folder.File("clip.mp4");
        await using (var target = File.Create(file))
        {
            await Provider.DownloadAsync(id, target, CancellationToken.None);
        }

        statuses.Should().Equal(ProviderJobStatus.Queued, ProviderJobStatus.Running(0.5), ProviderJobStatus.Succeeded);
        await ClipProbe.ShouldBeClipAsync(SimTestServer.Engine, file, new FrameSize(1080, 1350), TimeSpan.FromSeconds(2));
        _server.SubmissionsFor(request.SegmentId).Should().Be(1);
        _server.SubmissionsForReference(request.Reference!).Should().Be(1);
    }

    [Fact]
    public async Task DownloadAsync_Clip_SharesTheLocalProvidersEncoderSetupSoTheyJoinByStreamCopy()
    {
        var request = SimRequests.For(aspectRatio: AspectRatio.Square1x1, seconds: 2);
        var id = await Provider.SubmitAsync(request, CancellationToken.None);
        for (var i = 0; i < 3; i++)
        {
            await Provider.GetStatusAsync(id, CancellationToken.None);
        }

        var simClip = _folder.File("sim.mp4");
        await using (var target = File.Create(simClip))
        {
            await Provider.DownloadAsync(id, target, CancellationToken.None);
        }

        using var local = new LocalProviderHarness();
        Directory.CreateDirectory(local.Root);
        var localClip = Path.Combine(local.Root, "local.mp4");
        await local.Renderer.RenderAsync(request, null, localClip, null, CancellationToken.None);

        var simSignature = await Mp4StreamSignature.ReadAsync(simClip, CancellationToken.None);
        simSignature.Should().NotBeNull();
        simSignature.Should().Be(await Mp4StreamSignature.ReadAsync(localClip, CancellationToken.None));
    }

    [Fact]
    public async Task SubmitAsync_RefusedPrompt_IsPermanentWithTheProvidersOwnMessage()
    {
        var submit = () => Provider.SubmitAsync(SimRequests.For(prompt: "A riot [refuse]"), CancellationToken.None);

        var refused = (await submit.Should().ThrowAsync<ProviderException>()).Which;
        refused.IsPermanent.Should().BeTrue();
        refused.Message.Should().Be("This prompt breaks the simulator's content policy (a simulated refusal): rephrase it.");
        _server.TotalSubmissions.Should().Be(0);
        _server.TotalRequests.Should().Be(1, "a refusal is not retried");
    }

    [Fact]
    public async Task SubmitAsync_TooLong_IsRefusedPermanentlyWithoutCallingTheServer()
    {
        var submit = () => Provider.SubmitAsync(SimRequests.For(seconds: 11), CancellationToken.None);

        (await submit.Should().ThrowAsync<ProviderException>()).Which.IsPermanent.Should().BeTrue();
        _server.TotalRequests.Should().Be(0);
    }

    [Fact]
    public async Task SubmitAsync_WrongApiKey_IsPermanentAndSaysToCheckTheKey()
    {
        await using var server = SimTestServer.Start(o => o.ApiKey = "the-right-key");
        await using var host = SimHost.Create(server, new Dictionary<string, string?> { ["Studio:Providers:Sim:ApiKey"] = "a-wrong-key" });

        var submit = () => host.Provider.SubmitAsync(SimRequests.For(), CancellationToken.None);

        var refused = (await submit.Should().ThrowAsync<ProviderException>()).Which;
        refused.IsPermanent.Should().BeTrue();
        refused.Message.Should().Contain("HTTP 401").And.Contain("Studio:Providers:Sim:ApiKey");
        server.TotalSubmissions.Should().Be(0);
    }

    [Fact]
    public async Task SubmitAsync_RightApiKey_IsAccepted()
    {
        await using var server = SimTestServer.Start(o => o.ApiKey = "the-right-key");
        await using var host = SimHost.Create(server, new Dictionary<string, string?> { ["Studio:Providers:Sim:ApiKey"] = "the-right-key" });

        await host.Provider.SubmitAsync(SimRequests.For(), CancellationToken.None);

        server.TotalSubmissions.Should().Be(1);
    }

    [Fact]
    public async Task FindSubmissionAsync_SubmittedReference_FindsThatGeneration()
    {
        var id = await Provider.SubmitAsync(SimRequests.For(reference: "seg-1-t1-a1"), CancellationToken.None);
        await Provider.SubmitAsync(SimRequests.For(reference: "seg-2-t1-a1"), CancellationToken.None);

        var found = await Provider.FindSubmissionAsync("seg-1-t1-a1", CancellationToken.None);

        found.Should().Be(id);
    }

    [Fact]
    public async Task FindSubmissionAsync_UnknownReference_IsNull()
    {
        await Provider.SubmitAsync(SimRequests.For(reference: "seg-1-t1-a1"), CancellationToken.None);

        var found = await Provider.FindSubmissionAsync("seg-9-t1-a1", CancellationToken.None);

        found.Should().BeNull();
    }

    [Fact]
    public async Task CancelAsync_Unfinished_LaterStatusIsAPermanentFailure()
    {
        var id = await Provider.SubmitAsync(SimRequests.For(), CancellationToken.None);

        await Provider.CancelAsync(id, CancellationToken.None);
        var status = await Provider.GetStatusAsync(id, CancellationToken.None);

        status.State.Should().Be(ProviderJobState.Failed);
        status.IsPermanent.Should().BeTrue();
        status.Error.Should().Contain("cancelled");
    }

    [Fact]
    public async Task CancelAsync_UnknownId_IsIgnored()
    {
        var cancel = () => Provider.CancelAsync("gen_unknown", CancellationToken.None);

        await cancel.Should().NotThrowAsync();
    }

    [Fact]
    public async Task GetStatusAsync_FailedAtTheProvider_IsATransientFailureWithItsReason()
    {
        await using var server = SimTestServer.Start(o =>
        {
            o.AsyncFailureRate = 1;
            o.PollsBeforeDone = 0;
        });
        await using var host = SimHost.Create(server);
        var id = await host.Provider.SubmitAsync(SimRequests.For(), CancellationToken.None);

        var status = await host.Provider.GetStatusAsync(id, CancellationToken.None);

        status.State.Should().Be(ProviderJobState.Failed);
        status.IsPermanent.Should().BeFalse();
        status.Error.Should().Contain("render farm");
    }

    [Fact]
    public async Task GetStatusAsync_UnknownId_IsATransientFailureSoTheClipIsMadeAgain()
    {
        var status = await Provider.GetStatusAsync("gen_unknown", CancellationToken.None);

        status.State.Should().Be(ProviderJobState.Failed);
        status.IsPermanent.Should().BeFalse();
    }

    [Fact]
    public async Task DownloadAsync_NotFinished_IsATransientProviderException()
    {
        var id = await Provider.SubmitAsync(SimRequests.For(), CancellationToken.None);

        var download = () => Provider.DownloadAsync(id, Stream.Null, CancellationToken.None);

        (await download.Should().ThrowAsync<ProviderException>()).Which.IsPermanent.Should().BeFalse();
    }

    [Fact]
    public async Task DownloadAsync_UnknownId_IsATransientProviderException()
    {
        var download = () => Provider.DownloadAsync("gen_unknown", Stream.Null, CancellationToken.None);

        (await download.Should().ThrowAsync<ProviderException>()).Which.IsPermanent.Should().BeFalse();
    }

    [Fact]
    public async Task Counters_SeveralSubmissions_CountPerSegmentAndInTotal()
    {
        var first = Guid.NewGuid();
        var second = Guid.NewGuid();

        await Provider.SubmitAsync(SimRequests.For(first, reference: "a1"), CancellationToken.None);
        await Provider.SubmitAsync(SimRequests.For(first, reference: "a2"), CancellationToken.None);
        await Provider.SubmitAsync(SimRequests.For(second), CancellationToken.None);

        _server.SubmissionsFor(first).Should().Be(2);
        _server.SubmissionsFor(second).Should().Be(1);
        _server.SubmissionsFor(Guid.NewGuid()).Should().Be(0);
        _server.TotalSubmissions.Should().Be(3);
        _server.TotalRequests.Should().Be(3);
    }

    [Theory]
    [InlineData(SimStatuses.Failed, SimErrorCodes.ContentPolicy, true)]
    [InlineData(SimStatuses.Failed, SimErrorCodes.InvalidRequest, true)]
    [InlineData(SimStatuses.Failed, SimErrorCodes.InternalError, false)]
    [InlineData(SimStatuses.Cancelled, SimErrorCodes.Cancelled, true)]
    public void ToStatus_FailedOrCancelled_IsPermanentByCode(string status, string code, bool permanent)
    {
        var generation = new SimGeneration("gen_1", status, 0, new SimError("why", code), null, null, 64, 64, 1, DateTimeOffset.UnixEpoch);

        var mapped = SimVideoProvider.ToStatus(generation);

        mapped.Should().Be(ProviderJobStatus.Failed("why", permanent));
    }
}
