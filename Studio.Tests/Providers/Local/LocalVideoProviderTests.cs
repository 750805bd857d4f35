using Microsoft.Extensions.Time.Testing;
using Studio.Core.Assets;
using Studio.Core.Providers;
using Studio.Core.Segments;
using Studio.Core.Templates;
using Studio.Providers.Local;
using Studio.Tests.Builders;

namespace Studio.Tests.Providers.Local;

public sealed class LocalVideoProviderTests(LocalMediaFixture media) : IClassFixture<LocalMediaFixture>, IDisposable
{
    private static readonly TimeSpan FiveSeconds = TimeSpan.FromSeconds(5);
    private readonly LocalProviderHarness _local = new();

    [Fact]
    public void Provider_Always_DescribesItselfAsFreeOfflineAndCapableOfEverything()
    {
        var provider = _local.Provider;

        provider.Name.Should().Be("local");
        provider.DisplayName.Should().Be("Local (offline)");
        provider.Prices[provider.Quote(Request(GenerationMode.TextToVideo, "x")).Model].PriceOf(provider.Quote(Request(GenerationMode.TextToVideo, "x"))).Should().Be(0m);
        provider.Capabilities.Modes.Should().BeEquivalentTo(Enum.GetValues<GenerationMode>());
        provider.Capabilities.AspectRatios.Should().BeEquivalentTo(Enum.GetValues<AspectRatio>());
        provider.Capabilities.MaxPromptLength.Should().Be(1000);
        provider.Capabilities.MaxDuration.Should().Be(TimeSpan.FromSeconds(60));
    }

    [Fact]
    public async Task SubmitAsync_TextToVideo_RunsThenSucceedsAndDownloadsPlayableMp4()
    {
        var id = await _local.Provider.SubmitAsync(Request(GenerationMode.TextToVideo, "Running, then done"), CancellationToken.None);
        var seen = new List<ProviderJobStatus>();

        using var deadline = new CancellationTokenSource(TimeSpan.FromSeconds(90));
        ProviderJobStatus status;
        do
        {
            status = await _local.Provider.GetStatusAsync(id, CancellationToken.None);
            seen.Add(status);
            await Task.Delay(TimeSpan.FromMilliseconds(50), deadline.Token);
        }
        while (status.State is ProviderJobState.Queued or ProviderJobState.Running);

        seen.Should().Contain(s => s.State == ProviderJobState.Running);
        seen.Where(s => s.State == ProviderJobState.Running).Select(s => s.Progress).Should().BeInAscendingOrder();
        status.Should().Be(ProviderJobStatus.Succeeded);
        var file = Path.Combine(_local.Root, "downloaded.mp4");
        await using (var target = File.Create(file))
        {
            await _local.Provider.DownloadAsync(id, target, CancellationToken.None);
        }

        await ClipProbe.ShouldBeClipAsync(_local.Engine, file, new FrameSize(1080, 1920), FiveSeconds);
    }

    [Fact]
    public async Task DownloadAsync_Finished_DeletesTheRenderAndForgetsTheId()
    {
        var id = await _local.Provider.SubmitAsync(Request(GenerationMode.TextToVideo, "Short", TimeSpan.FromSeconds(1)), CancellationToken.None);
        (await _local.WaitForEndAsync(id)).State.Should().Be(ProviderJobState.Succeeded);

        await _local.Provider.DownloadAsync(id, Stream.Null, CancellationToken.None);

        Directory.Exists(Path.Combine(_local.RenderFolder, id)).Should().BeFalse();
        _local.Registry.Count.Should().Be(0);
        (await _local.Provider.GetStatusAsync(id, CancellationToken.None)).State.Should().Be(ProviderJobState.Failed);
    }

    [Fact]
    public async Task GetStatusAsync_UnknownId_FailedAndWorthRetrying()
    {
        var status = await _local.Provider.GetStatusAsync("made-before-a-restart", CancellationToken.None);

        status.State.Should().Be(ProviderJobState.Failed);
        status.IsPermanent.Should().BeFalse();
        status.Error.Should().Be("The local render was interrupted (Studio restarted); it will be made again.");
    }

    [Fact]
    public async Task DownloadAsync_UnknownId_ThrowsTransientProviderException()
    {
        var download = () => _local.Provider.DownloadAsync("made-before-a-restart", Stream.Null, CancellationToken.None);

        (await download.Should().ThrowAsync<ProviderException>()).Which.IsPermanent.Should().BeFalse();
    }

    [Fact]
    public async Task CancelAsync_RunningRender_StopsItAndDeletesItsFiles()
    {
        var id = await _local.Provider.SubmitAsync(Request(GenerationMode.TextToVideo, "A long one", TimeSpan.FromSeconds(60)), CancellationToken.None);
        var render = _local.Registry.Find(id)!;
        using (var deadline = new CancellationTokenSource(TimeSpan.FromSeconds(30)))
        {
            while (render.Status.State != ProviderJobState.Running || !File.Exists(render.OutputFile))
            {
                await Task.Delay(TimeSpan.FromMilliseconds(50), deadline.Token);
            }
        }

        await _local.Provider.CancelAsync(id, CancellationToken.None);

        render.Completion.IsCompleted.Should().BeTrue();
        Directory.Exists(render.Directory).Should().BeFalse();
        _local.Registry.Count.Should().Be(0);
        (await _local.Provider.GetStatusAsync(id, CancellationToken.None)).State.Should().Be(ProviderJobState.Failed);
    }

    [Fact]
    public async Task CancelAsync_UnknownId_DoesNothing()
    {
        var cancel = () => _local.Provider.CancelAsync("nothing-here", CancellationToken.None);

        await cancel.Should().NotThrowAsync();
    }

    [Fact]
    public async Task SubmitAsync_ImageFromTheFileStore_RendersIt()
    {
        var input = await _local.StoreAsync(media.LandscapeImage, AssetKind.Image, "image/png");

        var id = await _local.Provider.SubmitAsync(Request(GenerationMode.ImageToVideo, "Pan over it") with { Input = input }, CancellationToken.None);

        (await _local.WaitForEndAsync(id)).Should().Be(ProviderJobStatus.Succeeded);
    }

    [Fact]
    public async Task SubmitAsync_VideoFromTheFileStore_RendersIt()
    {
        var input = await _local.StoreAsync(media.ClipWithAudio, AssetKind.Video, "video/mp4");

        var id = await _local.Provider.SubmitAsync(Request(GenerationMode.VideoToVideo, "Restyle it", TimeSpan.FromSeconds(2)) with { Input = input }, CancellationToken.None);

        (await _local.WaitForEndAsync(id)).Should().Be(ProviderJobStatus.Succeeded);
    }

    [Fact]
    public async Task SubmitAsync_InputGoneFromTheStore_FailsPermanently()
    {
        var input = new GenerationInput(Guid.NewGuid(), "assets/" + Guid.NewGuid().ToString("N"), AssetKind.Image, "image/png");

        var id = await _local.Provider.SubmitAsync(Request(GenerationMode.ImageToVideo, "Missing") with { Input = input }, CancellationToken.None);

        var status = await _local.WaitForEndAsync(id);
        status.State.Should().Be(ProviderJobState.Failed);
        status.IsPermanent.Should().BeTrue();
    }

    [Fact]
    public async Task SubmitAsync_InputIsNotAnImage_FailsPermanently()
    {
        var input = await _local.StoreAsync(media.NotAnImage, AssetKind.Image, "image/png");

        var id = await _local.Provider.SubmitAsync(Request(GenerationMode.ImageToVideo, "Broken") with { Input = input }, CancellationToken.None);

        var status = await _local.WaitForEndAsync(id);
        status.State.Should().Be(ProviderJobState.Failed);
        status.IsPermanent.Should().BeTrue();
    }

    [Theory]
    [InlineData(GenerationMode.TextToVideo, 1001, 5)]
    [InlineData(GenerationMode.TextToVideo, 10, 61)]
    [InlineData(GenerationMode.TextToVideo, 10, 0)]
    [InlineData(GenerationMode.ImageToVideo, 10, 5)]
    [InlineData(GenerationMode.VideoToVideo, 10, 5)]
    public async Task SubmitAsync_OutsideCapabilities_ThrowsPermanentProviderException(GenerationMode mode, int promptLength, int seconds)
    {
        var request = Request(mode, new string('a', promptLength), TimeSpan.FromSeconds(seconds));

        var submit = () => _local.Provider.SubmitAsync(request, CancellationToken.None);

        (await submit.Should().ThrowAsync<ProviderException>()).Which.IsPermanent.Should().BeTrue();
        _local.Registry.Count.Should().Be(0);
    }

    [Fact]
    public async Task SubmitAsync_VideoToVideoWithoutAClip_NamesTheModeInTheReadersLanguage()
    {
        var words = CoreLocalizers.StoredWords;
        var submit = () => _local.Provider.SubmitAsync(Request(GenerationMode.VideoToVideo, "Restyle"), CancellationToken.None);

        var refused = (await submit.Should().ThrowAsync<ProviderException>()).Which;

        refused.Message.Should().Be("video-to-video needs an input video.");
        CoreLocalizers.InCulture("fr-FR", () => refused.Stored.Word(words)).Should().Be("Le mode vidéo vers vidéo demande une vidéo en entrée.");
    }

    [Fact]
    public async Task SubmitAsync_MoreRendersThanSlots_LaterOnesWaitQueued()
    {
        using var local = new LocalProviderHarness(new LocalProviderOptions { MaxParallelRenders = 1 });
        var first = await local.Provider.SubmitAsync(Request(GenerationMode.TextToVideo, "First", TimeSpan.FromSeconds(2)), CancellationToken.None);
        var second = await local.Provider.SubmitAsync(Request(GenerationMode.TextToVideo, "Second", TimeSpan.FromSeconds(2)), CancellationToken.None);
        var states = new List<(ProviderJobState First, ProviderJobState Second)>();

        using (var deadline = new CancellationTokenSource(TimeSpan.FromSeconds(60)))
        {
            while (!local.Registry.Find(first)!.Completion.IsCompleted || !local.Registry.Find(second)!.Completion.IsCompleted)
            {
                states.Add(((await local.Provider.GetStatusAsync(first, CancellationToken.None)).State, (await local.Provider.GetStatusAsync(second, CancellationToken.None)).State));
                await Task.Delay(TimeSpan.FromMilliseconds(20), deadline.Token);
            }
        }

        states.Should().NotContain((ProviderJobState.Running, ProviderJobState.Running));
        states.Should().Contain(s => s.First == ProviderJobState.Queued || s.Second == ProviderJobState.Queued);
        (await local.Provider.GetStatusAsync(first, CancellationToken.None)).Should().Be(ProviderJobStatus.Succeeded);
        (await local.Provider.GetStatusAsync(second, CancellationToken.None)).Should().Be(ProviderJobStatus.Succeeded);
    }

    [Fact]
    public async Task SubmitAsync_AfterRetention_DeletesRendersNobodyDownloadedAndOrphanFolders()
    {
        var time = new FakeTimeProvider(DateTimeOffset.UtcNow);
        using var local = new LocalProviderHarness(new LocalProviderOptions { Retention = TimeSpan.FromMinutes(30) }, time);
        var forgotten = await local.Provider.SubmitAsync(Request(GenerationMode.TextToVideo, "Forgotten", TimeSpan.FromSeconds(1)), CancellationToken.None);
        (await local.WaitForEndAsync(forgotten)).State.Should().Be(ProviderJobState.Succeeded);
        var orphan = Directory.CreateDirectory(Path.Combine(local.RenderFolder, "left-by-a-previous-run")).FullName;
        time.Advance(TimeSpan.FromMinutes(31));

        var fresh = await local.Provider.SubmitAsync(Request(GenerationMode.TextToVideo, "Fresh", TimeSpan.FromSeconds(1)), CancellationToken.None);

        Directory.Exists(Path.Combine(local.RenderFolder, forgotten)).Should().BeFalse();
        Directory.Exists(orphan).Should().BeFalse();
        (await local.Provider.GetStatusAsync(forgotten, CancellationToken.None)).State.Should().Be(ProviderJobState.Failed);
        (await local.WaitForEndAsync(fresh)).State.Should().Be(ProviderJobState.Succeeded);
    }

    public void Dispose() => _local.Dispose();

    private static GenerationRequest Request(GenerationMode mode, string prompt, TimeSpan? duration = null) =>
        new(Guid.NewGuid(), prompt, string.Empty, mode, AspectRatio.Portrait9x16, duration ?? FiveSeconds, null);
}
