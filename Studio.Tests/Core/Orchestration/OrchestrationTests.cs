using Microsoft.EntityFrameworkCore;
using Studio.Core.Assets;
using Studio.Core.Events;
using Studio.Core.Jobs;
using Studio.Core.Orchestration;
using Studio.Core.Persistence;
using Studio.Core.Providers;
using Studio.Core.Segments;
using Studio.Core.Storage;
using Studio.Core.Templates;

namespace Studio.Tests.Core.Orchestration;

/// <summary>The worker loop with the real local provider, FFmpeg and SQLite: a short square template keeps it quick.</summary>
public class OrchestrationTests : IAsyncLifetime
{
    protected virtual TestEngine Engine => TestEngine.Sqlite;

    private const string Owner = "user-1";
    private const string Worker = "worker-test";
    private const string Template = "Test Square 3x2";
    private CoreHost _core = null!;

    public async Task InitializeAsync() => _core = await StartCoreAsync();

    public async Task DisposeAsync() => await _core.DisposeAsync();

    [Fact]
    public async Task Run_QueuedJob_CompletesWithVideoPosterAndOrderedProgress()
    {
        var jobId = await CreateAndStartAsync();
        var seen = new List<JobChanged>();
        using var subscription = _core.Get<IJobEvents>().SubscribeToJob(jobId, c =>
        {
            lock (seen)
            {
                seen.Add(c);
            }

            return ValueTask.CompletedTask;
        });

        await RunUntilFinishedAsync(jobId);

        var job = await _core.LoadJobAsync(jobId);
        job.Status.Should().Be(JobStatus.Completed, job.Error);
        job.Progress.Should().Be(1);
        job.LeaseOwner.Should().BeNull();
        job.Segments.Should().AllSatisfy(s =>
        {
            s.Status.Should().Be(SegmentStatus.Succeeded);
            s.Attempts.Should().Be(1);
            s.Submissions.Should().Be(1);
            s.SelectedTake.Should().Be(1);
            s.LeaseOwner.Should().BeNull();
            s.ClipFile.Should().Be(FileKeys.Take(jobId, s.Index, 1));
        });
        var files = _core.Get<IFileStore>();
        (await files.ExistsAsync(FileKeys.FinalVideo(jobId), CancellationToken.None)).Should().BeTrue();
        (await files.ExistsAsync(FileKeys.Poster(jobId), CancellationToken.None)).Should().BeTrue();
        seen.Select(c => c.Status).Should().ContainInOrder(JobStatus.Running, JobStatus.Assembling, JobStatus.Completed);
        seen.GroupBy(c => c.SegmentIndex).Should().AllSatisfy(g => g.Select(c => c.At).Should().BeInAscendingOrder("a segment's changes reach a subscriber in the order they were made"));
        seen.Where(c => c.SegmentIndex is not null).Select(c => c.SegmentIndex!.Value).Distinct().Should().BeEquivalentTo([0, 1, 2]);
        Directory.EnumerateFiles(Path.Combine(_core.DataDirectory, "tmp"), "*", SearchOption.AllDirectories)
            .Should().OnlyContain(f => Path.GetFileName(f) == StudioPaths.ScratchLockFile, "scratch files are moved into place or deleted");
    }

    [Fact]
    public async Task Run_SegmentWithSavedProviderJobId_IsPolledNotSubmittedAgain()
    {
        var jobId = await CreateAndStartAsync();
        var segment = (await _core.LoadJobAsync(jobId)).Segments.Single(s => s.Index == 0);
        var provider = _core.Get<VideoProviderCatalog>().Get("local");
        var providerJobId = await provider.SubmitAsync(
            new GenerationRequest(segment.Id, segment.Prompt, "", GenerationMode.TextToVideo, AspectRatio.Square1x1, TimeSpan.FromSeconds(2), null),
            CancellationToken.None);
        await ChangeSegmentAsync(segment.Id, s =>
        {
            s.BeginSubmit(DateTimeOffset.UtcNow);
            s.MarkSubmitted(providerJobId);
        });

        await RunUntilFinishedAsync(jobId);

        var resumed = (await _core.LoadJobAsync(jobId)).Segments.Single(s => s.Index == 0);
        resumed.Status.Should().Be(SegmentStatus.Succeeded);
        resumed.Attempts.Should().Be(1, "the saved provider job was polled to its end, not started again");
        resumed.ProviderJobId.Should().Be(providerJobId);
    }

    [Fact]
    public async Task Run_ProviderLostTheRender_SegmentIsMadeAgainAndSaysSo()
    {
        var jobId = await CreateAndStartAsync();
        var segment = (await _core.LoadJobAsync(jobId)).Segments.Single(s => s.Index == 1);
        await ChangeSegmentAsync(segment.Id, s =>
        {
            s.BeginSubmit(DateTimeOffset.UtcNow);
            s.MarkSubmitted("render-from-before-a-restart");
        });

        await RunUntilFinishedAsync(jobId);

        var job = await _core.LoadJobAsync(jobId);
        job.Status.Should().Be(JobStatus.Completed, job.Error);
        var remade = job.Segments.Single(s => s.Index == 1);
        remade.Attempts.Should().Be(2);
        remade.Submissions.Should().Be(2, "the lost render and the new one were both accepted by the provider");
        remade.ClipFile.Should().Be(FileKeys.Take(jobId, 1, 1), "it is still the first take: no clip was made before");
    }

    [Fact]
    public async Task Run_InterruptedBetweenSubmitAndSave_CountsTheAttemptAndFinishes()
    {
        var jobId = await CreateAndStartAsync();
        var segment = (await _core.LoadJobAsync(jobId)).Segments.Single(s => s.Index == 2);
        await ChangeSegmentAsync(segment.Id, s => s.BeginSubmit(DateTimeOffset.UtcNow));

        await RunUntilFinishedAsync(jobId);

        var remade = (await _core.LoadJobAsync(jobId)).Segments.Single(s => s.Index == 2);
        remade.Status.Should().Be(SegmentStatus.Succeeded);
        remade.Attempts.Should().Be(2, "the local provider cannot look an interrupted submission up, so it is made again");
        remade.Submissions.Should().Be(1);
    }

    [Fact]
    public async Task Run_InputTheProviderRefuses_FailsTheJobNamingTheSegment()
    {
        var jobId = await CreateAndStartAsync();
        var assetId = Guid.NewGuid();
        await _core.Get<IFileStore>().PutAsync(FileKeys.Asset(assetId), new MemoryStream("this is not a video"u8.ToArray()), CancellationToken.None);
        await using (var db = await _core.Get<IDbContextFactory<StudioDbContext>>().CreateDbContextAsync())
        {
            db.Assets.Add(new Asset(assetId, Owner, AssetKind.Video, "clip.mp4", FileKeys.Asset(assetId), "video/mp4", 19, new string('0', 64), DateTimeOffset.UtcNow));
            await db.SaveChangesAsync();
            await db.Segments.Where(s => s.JobId == jobId && s.Index == 1)
                .ExecuteUpdateAsync(u => u.SetProperty(s => s.Mode, GenerationMode.VideoToVideo).SetProperty(s => s.AssetId, assetId));
        }

        await RunUntilFinishedAsync(jobId);

        var job = await _core.LoadJobAsync(jobId);
        job.Status.Should().Be(JobStatus.Failed);
        job.Error.Should().StartWith("Segment 2 could not be made:");
        var refused = job.Segments.Single(s => s.Index == 1);
        refused.Status.Should().Be(SegmentStatus.Failed);
        refused.Attempts.Should().Be(1, "a permanent refusal is not retried");
        job.Segments.Where(s => s.Index != 1).Should().AllSatisfy(s => s.Status.Should().Be(SegmentStatus.Succeeded));
    }

    [Fact]
    public async Task Run_SegmentOutOfAttempts_FailsTheJobWithTheLastReason()
    {
        await _core.DisposeAsync();
        _core = await StartCoreAsync(new Dictionary<string, string?> { ["Studio:Workers:MaxAttemptsPerSegment"] = "1" });
        var jobId = await CreateAndStartAsync();
        var segment = (await _core.LoadJobAsync(jobId)).Segments.Single(s => s.Index == 0);
        await ChangeSegmentAsync(segment.Id, s =>
        {
            s.BeginSubmit(DateTimeOffset.UtcNow);
            s.MarkSubmitted("render-from-before-a-restart");
        });

        await RunUntilFinishedAsync(jobId);

        var job = await _core.LoadJobAsync(jobId);
        job.Status.Should().Be(JobStatus.Failed);
        job.Error.Should().StartWith("Segment 1 could not be made: Gave up after 1 attempts at Local (offline).").And.Contain("interrupted");
        job.Segments.Single(s => s.Index == 0).Attempts.Should().Be(1);
    }

    [Fact]
    public async Task Step_OfASegmentCancelledAfterItWasClaimed_WritesNothingAndSubmitsNothing()
    {
        var jobId = await CreateAndStartAsync();
        var claimed = await _core.Get<WorkQueue>().ClaimSegmentsAsync(Worker, 1, CancellationToken.None);
        claimed.Should().ContainSingle().Which.Segment.Status.Should().Be(SegmentStatus.Submitting, "a claimed pending segment begins its attempt in the same write");
        (await _core.Get<JobControl>().CancelAsync(Owner, jobId, CancellationToken.None)).Outcome.Should().Be(JobCommandOutcome.Done);

        await _core.Get<SegmentStep>().RunAsync(claimed[0], CancellationToken.None);

        var job = await _core.LoadJobAsync(jobId);
        job.Status.Should().Be(JobStatus.Cancelled);
        job.Segments.Should().AllSatisfy(s =>
        {
            s.Status.Should().Be(SegmentStatus.Cancelled);
            s.Submissions.Should().Be(0);
            s.ProviderJobId.Should().BeNull();
        });
    }

    private async Task<CoreHost> StartCoreAsync(IDictionary<string, string?>? settings = null)
    {
        var core = await CoreHost.StartAsync(settings, engine: Engine);
        await core.AddTemplateAsync(new VideoTemplate(
            Guid.NewGuid(), Template, "", AspectRatio.Square1x1, 3, 2, "local", GenerationMode.TextToVideo, "", [], DateTimeOffset.UtcNow));
        return core;
    }

    private async Task<Guid> CreateAndStartAsync()
    {
        var jobs = _core.Get<JobService>();
        var created = await jobs.CreateAsync(Owner, new CreateJobCommand("Runner", "Testing the runner", Template), CancellationToken.None);
        created.Succeeded.Should().BeTrue();
        var id = created.Job!.Id;
        (await jobs.StartAsync(Owner, id, CancellationToken.None)).Should().Be(JobCommandOutcome.Done);
        return id;
    }

    private Task RunUntilFinishedAsync(Guid jobId) => _core.RunUntilFinishedAsync(jobId, Worker);

    private async Task ChangeSegmentAsync(Guid segmentId, Action<Segment> change)
    {
        await using var db = await _core.Get<IDbContextFactory<StudioDbContext>>().CreateDbContextAsync();
        var segment = await db.Segments.SingleAsync(s => s.Id == segmentId);
        change(segment);
        await db.SaveChangesAsync();
    }

}
