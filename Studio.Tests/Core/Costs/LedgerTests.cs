using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Studio.Core.Costs;
using Studio.Core.Events;
using Studio.Core.Jobs;
using Studio.Core.Orchestration;
using Studio.Core.Persistence;
using Studio.Core.Providers;
using Studio.Core.Segments;
using Studio.Core.Templates;
using Studio.Core.Voice;

namespace Studio.Tests.Core.Costs;

/// <summary>
/// Spending is booked as it happens, through the real worker loop: a clip when its provider accepts the submission
/// (a retry and a new take again), a refund when a refunding provider reports a failure; the job's spent total is the
/// ledger's sum.
/// </summary>
public sealed class LedgerTests : IAsyncLifetime
{
    private const string Owner = "user-1";
    private const string Template = "Paid Square 2x2";
    private readonly ScriptedPaidProvider _refunding = new("refunding", 0.25m, refundsFailures: true);
    private readonly ScriptedPaidProvider _keeping = new("keeping", 0.25m, refundsFailures: false);
    private CoreHost _core = null!;

    public async Task InitializeAsync()
    {
        _core = await CoreHost.StartAsync(
            new Dictionary<string, string?> { ["Studio:Workers:RetryDelay"] = "00:00:00.020", ["Studio:Workers:MaxStatusPoll"] = "00:00:00.200" },
            services =>
            {
                services.AddSingleton<IVideoProvider>(_refunding);
                services.AddSingleton<IVideoProvider>(_keeping);
                services.AddSingleton<IVoiceEngine>(sp => new PaidVoice(ActivatorUtilities.CreateInstance<Studio.Providers.Espeak.EspeakVoiceEngine>(sp)));
            });
        await _core.AddTemplateAsync(new VideoTemplate(
            Guid.NewGuid(), Template, "", AspectRatio.Square1x1, 2, 2, "refunding", GenerationMode.TextToVideo, "", [], DateTimeOffset.UtcNow));
    }

    public async Task DisposeAsync() => await _core.DisposeAsync();

    [Fact]
    public async Task Run_FailureAtARefundingProvider_ChargesBothSubmissionsAndRefundsTheFailedOne()
    {
        _refunding.Outcomes.Enqueue(ProviderJobStatus.Failed("Server hiccup", permanent: false));

        var jobId = await RunAsync("refunding");

        var job = await LoadAsync(jobId);
        job.Status.Should().Be(JobStatus.Completed, job.Error);
        var ledger = await LedgerAsync(jobId);
        ledger.Should().HaveCount(4, "three accepted submissions and one refund");
        ledger.Where(c => c.Kind == CostKind.Clip).Should().HaveCount(3).And.AllSatisfy(c => c.AmountUsd.Should().Be(0.25m));
        ledger.Should().ContainSingle(c => c.Kind == CostKind.Refund).Which.AmountUsd.Should().Be(-0.25m);
        ledger.Should().AllSatisfy(c =>
        {
            c.OwnerId.Should().Be(Owner);
            c.Provider.Should().Be("refunding");
        });
        job.Segments.Sum(s => s.Submissions).Should().Be(3);
        job.Segments.Should().AllSatisfy(s => s.CostUsd.Should().Be(0.25m, "the failed generation was given back"));
        job.ActualCostUsd.Should().Be(0.50m).And.Be(ledger.Sum(c => c.AmountUsd));
    }

    [Fact]
    public async Task Run_FailureAtAProviderThatKeepsTheCharge_BillsTheRetryAgain()
    {
        _keeping.Outcomes.Enqueue(ProviderJobStatus.Failed("Server hiccup", permanent: false));

        var jobId = await RunAsync("keeping");

        var job = await LoadAsync(jobId);
        job.Status.Should().Be(JobStatus.Completed, job.Error);
        var ledger = await LedgerAsync(jobId);
        ledger.Should().HaveCount(3).And.OnlyContain(c => c.Kind == CostKind.Clip && c.AmountUsd == 0.25m);
        job.Segments.Sum(s => s.CostUsd).Should().Be(0.75m);
        job.ActualCostUsd.Should().Be(0.75m).And.Be(ledger.Sum(c => c.AmountUsd));
    }

    [Fact]
    public async Task Regenerate_FinishedSegment_BillsTheNewTakeAndKeepsEachTakesCost()
    {
        var jobId = await RunAsync("refunding");

        var regenerated = await _core.Get<JobControl>().RegenerateAsync(Owner, jobId, 1, "A new idea", CancellationToken.None);
        regenerated.Outcome.Should().Be(JobCommandOutcome.Done);
        await RunUntilFinishedAsync(jobId);

        var job = await LoadAsync(jobId);
        job.Status.Should().Be(JobStatus.Completed, job.Error);
        var segment = job.Segments.Single(s => s.Index == 1);
        segment.Takes.Select(t => (t.Number, t.CostUsd)).Should().Equal((1, 0.25m), (2, 0.25m));
        segment.CostUsd.Should().Be(0.50m);
        (await LedgerAsync(jobId)).Where(c => c.SegmentIndex == 1).Should().HaveCount(2);
        job.ActualCostUsd.Should().Be(0.75m);
    }

    [Fact]
    public async Task Read_WhileRunning_SpentGrowsWithEachAcceptedSubmission()
    {
        // Nothing runs yet: a created job has spent nothing and estimates both clips.
        var created = await _core.Get<JobService>().CreateAsync(Owner, new CreateJobCommand("Ledger", "Paid clips", Template, Provider: "keeping", Prompts: ["One", "Two"], Narrations: ["", ""]), CancellationToken.None);
        created.Job!.EstimatedCostUsd.Should().Be(0.50m);
        created.Job.EstimatedCost.Should().Be(new CostBreakdown(0.50m, 0, 0));
        created.Job.ActualCostUsd.Should().Be(0);

        await _core.Get<JobService>().StartAsync(Owner, created.Job.Id, CancellationToken.None);
        await RunUntilFinishedAsync(created.Job.Id);

        var read = await _core.Get<JobService>().GetAsync(Owner, created.Job.Id, CancellationToken.None);
        read!.ActualCostUsd.Should().Be(0.50m);
        read.ActualCost.Should().Be(new CostBreakdown(0.50m, 0, 0));
    }

    [Fact]
    public async Task Run_WithAHostedVoice_BooksTheVoiceOverWithTheCut()
    {
        var jobs = _core.Get<JobService>();
        var created = await jobs.CreateAsync(
            Owner,
            new CreateJobCommand("Voiced", "Paid voice", Template, Provider: "keeping", Prompts: ["One", "Two"], Narrations: ["Hello.", "Bye."], Voice: new VoiceChoice(PaidVoice.EngineName, null)),
            CancellationToken.None);
        created.Succeeded.Should().BeTrue(string.Join("; ", created.Errors?.Messages ?? []));
        created.Job!.EstimatedCost.Should().Be(new CostBreakdown(0.50m, 0, 0.02m));

        await jobs.StartAsync(Owner, created.Job.Id, CancellationToken.None);
        await RunUntilFinishedAsync(created.Job.Id);

        var job = await LoadAsync(created.Job.Id);
        job.Status.Should().Be(JobStatus.Completed, job.Error);
        job.VoiceCostUsd.Should().Be(0.02m);
        var ledger = await LedgerAsync(created.Job.Id);
        ledger.Should().ContainSingle(c => c.Kind == CostKind.Voice).Which.Should().Match<CostEntry>(c => c.AmountUsd == 0.02m && c.Provider == PaidVoice.EngineName);
        job.ActualCostUsd.Should().Be(0.52m).And.Be(ledger.Sum(c => c.AmountUsd));
    }

    private async Task<Guid> RunAsync(string provider)
    {
        var jobs = _core.Get<JobService>();
        var created = await jobs.CreateAsync(Owner, new CreateJobCommand("Ledger", "Paid clips", Template, Provider: provider, Prompts: ["One", "Two"], Narrations: ["", ""]), CancellationToken.None);
        created.Succeeded.Should().BeTrue(string.Join("; ", created.Errors?.Messages ?? []));
        await jobs.StartAsync(Owner, created.Job!.Id, CancellationToken.None);
        await RunUntilFinishedAsync(created.Job.Id);
        return created.Job.Id;
    }

    private Task RunUntilFinishedAsync(Guid jobId) => _core.RunUntilFinishedAsync(jobId, "ledger-worker");

    private async Task<ProductionJob> LoadAsync(Guid jobId)
    {
        await using var db = await _core.Get<IDbContextFactory<StudioDbContext>>().CreateDbContextAsync();
        return await db.Jobs.AsNoTracking().Include(j => j.Segments).ThenInclude(s => s.Takes).AsSplitQuery().SingleAsync(j => j.Id == jobId);
    }

    private async Task<List<CostEntry>> LedgerAsync(Guid jobId)
    {
        await using var db = await _core.Get<IDbContextFactory<StudioDbContext>>().CreateDbContextAsync();
        return await db.Costs.AsNoTracking().Where(c => c.JobId == jobId).ToListAsync();
    }

    /// <summary>The offline voice, presented as a hosted one that bills each voice-over.</summary>
    private sealed class PaidVoice(IVoiceEngine inner) : IVoiceEngine
    {
        public const string EngineName = "paidvoice";

        public string Name => EngineName;

        public string DisplayName => "Paid voice (test)";

        public bool IsConfigured => true;

        public bool IsHosted => true;

        public Studio.Core.Common.StoredText? CheckVoice(string? voice, string language) => inner.CheckVoice(voice, language);

        public Task<SpeechAudio> SpeakAsync(SpeechRequest request, CancellationToken ct) => inner.SpeakAsync(request, ct);
    }
}
