using Studio.Core.Costs;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Studio.Core.Events;
using Studio.Core.Jobs;
using Studio.Core.Orchestration;
using Studio.Core.Persistence;
using Studio.Core.Providers;
using Studio.Core.Segments;
using Studio.Core.Templates;

namespace Studio.Tests.Core.Orchestration;

/// <summary>A clip that was paid for is fetched again, never made again, when the failure is on Studio's side.</summary>
public class DownloadFailureTests
{
    protected virtual TestEngine Engine => TestEngine.Sqlite;

    [Fact]
    public async Task DownloadFailingOnThisSide_IsRetriedUntilItWorks_WithoutPayingForTheClipAgain()
    {
        var provider = new DiskFullOnDownloadProvider(failures: 8);
        await using var core = await CoreHost.StartAsync(
            new Dictionary<string, string?>
            {
                ["Studio:Workers:RetryDelay"] = "00:00:00.010",
                ["Studio:Workers:MaxStatusPoll"] = "00:00:00.050",
                ["Studio:Workers:IdlePoll"] = "00:00:00.050",
            },
            services => services.AddSingleton<IVideoProvider>(provider),
            Engine);
        await core.AddTemplateAsync(new VideoTemplate(Guid.NewGuid(), "Disk 1x1", "", AspectRatio.Square1x1, 1, 1, "diskfull", GenerationMode.TextToVideo, "", [], DateTimeOffset.UtcNow));
        var jobs = core.Get<JobService>();
        var created = await jobs.CreateAsync("u1", new CreateJobCommand(null, "Disk full", "Disk 1x1"), CancellationToken.None);
        var finished = core.Get<IJobEvents>().WaitUntilFinishedAsync(created.Job!.Id, TimeSpan.FromMinutes(1));
        await jobs.StartAsync("u1", created.Job.Id, CancellationToken.None);
        using var stop = new CancellationTokenSource();
        var loop = core.Get<WorkerLoop>().RunAsync("w", stop.Token);

        await finished;
        await stop.CancelAsync();
        await loop;

        await using var db = await core.Get<IDbContextFactory<StudioDbContext>>().CreateDbContextAsync();
        var segment = await db.Segments.SingleAsync(s => s.JobId == created.Job.Id);
        segment.Status.Should().Be(SegmentStatus.Succeeded);
        provider.Submissions.Should().Be(1, "more failed downloads than the remake limit, yet the clip was paid for once");
        provider.Downloads.Should().Be(9);
        segment.Submissions.Should().Be(1);
    }

    private sealed class DiskFullOnDownloadProvider(int failures) : IVideoProvider
    {
        private int _downloads;
        private int _submissions;

        public int Downloads => _downloads;

        public int Submissions => _submissions;

        public string Name => "diskfull";

        public string DisplayName => "Disk-full test provider";

        public ProviderCapabilities Capabilities { get; } = new(
            new HashSet<GenerationMode> { GenerationMode.TextToVideo }, new HashSet<AspectRatio>(Enum.GetValues<AspectRatio>()), 1000, TimeSpan.FromSeconds(10));

        public IReadOnlyDictionary<string, ModelPrice> Prices { get; } = new Dictionary<string, ModelPrice> { ["diskfull"] = ModelPrice.PerClip(0.5m) };

        public ClipQuote Quote(GenerationRequest request) => new("diskfull", string.Empty, request.Duration);

        public Task<string> SubmitAsync(GenerationRequest request, CancellationToken ct)
        {
            Interlocked.Increment(ref _submissions);
            return Task.FromResult("gen-1");
        }

        public Task<ProviderJobStatus> GetStatusAsync(string providerJobId, CancellationToken ct) => Task.FromResult(ProviderJobStatus.Succeeded);

        public async Task DownloadAsync(string providerJobId, Stream destination, CancellationToken ct)
        {
            if (Interlocked.Increment(ref _downloads) <= failures)
            {
                throw new IOException("No space left on device");
            }

            await destination.WriteAsync("not really a video"u8.ToArray(), ct);
        }

        public Task CancelAsync(string providerJobId, CancellationToken ct) => Task.CompletedTask;
    }
}
