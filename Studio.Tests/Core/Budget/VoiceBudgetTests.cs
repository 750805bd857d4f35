using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Studio.Core.Accounts;
using Studio.Core.Budget;
using Studio.Core.Costs;
using Studio.Core.Events;
using Studio.Core.Jobs;
using Studio.Core.Orchestration;
using Studio.Core.Persistence;
using Studio.Core.Segments;
using Studio.Core.Templates;
using Studio.Core.Voice;

namespace Studio.Tests.Core.Budget;

/// <summary>
/// A cut narrated by a hosted (paid) voice goes through the monthly budget like a clip, through the real worker loop,
/// the real local provider and real FFmpeg: counted in the estimate and at start, admitted before the voice is asked,
/// and refused with the figures while the clips are kept; "Assemble again" works once the budget allows.
/// </summary>
public sealed class VoiceBudgetTests : IAsyncLifetime
{
    private const string Owner = "voice-owner";
    private const string Template = "Voice Budget Square 2x2";
    private static readonly string[] Prompts = ["A lighthouse at dusk", "Waves on the rocks"];
    private static readonly string[] Narrations = ["Hello.", "Goodbye."];
    private HostedTestVoice _voice = null!;
    private CoreHost _core = null!;

    public async Task InitializeAsync()
    {
        _core = await CoreHost.StartAsync(
            new Dictionary<string, string?> { ["Studio:Budget:MonthlyUsdPerUser"] = "0.05" },
            services => services.AddSingleton<IVoiceEngine>(sp =>
                _voice = new HostedTestVoice(ActivatorUtilities.CreateInstance<Studio.Providers.Espeak.EspeakVoiceEngine>(sp))));
        _ = _core.Get<VoiceCatalog>();
        await _core.AddTemplateAsync(new VideoTemplate(
            Guid.NewGuid(), Template, "", AspectRatio.Square1x1, 2, 2, "local", GenerationMode.TextToVideo, "", [], DateTimeOffset.UtcNow));
        await using var db = await Db().CreateDbContextAsync();
        db.Users.Add(new StudioUser { Id = Owner, UserName = "voice@example.com", Email = "voice@example.com", NormalizedEmail = "VOICE@EXAMPLE.COM", NormalizedUserName = "VOICE@EXAMPLE.COM" });
        await db.SaveChangesAsync();
    }

    public async Task DisposeAsync() => await _core.DisposeAsync();

    [Fact]
    public async Task Assemble_HostedVoiceOverTheBudget_FailsWithoutSpeakingKeepsTheClipsAndAssemblesAgainOnceAllowed()
    {
        var jobId = await CreateAsync();
        (await _core.Get<JobService>().StartWithReasonAsync(Owner, jobId, CancellationToken.None)).Outcome.Should().Be(JobCommandOutcome.Done, "$0.02 fits in $0.05");

        // Spending elsewhere after the start leaves $0.01: the free clips are made, the $0.02 voice-over is not.
        await BookElsewhereAsync(0.04m);
        await RunUntilFinishedAsync(jobId);

        var failed = await _core.LoadJobAsync(jobId);
        failed.Status.Should().Be(JobStatus.Failed);
        failed.Error.Should().Contain("the hosted voice-over costs $0.02").And.Contain("$0.04 of your $0.05").And.Contain("leaving $0.01")
            .And.Contain("Assemble again");
        _voice.Lines.Should().Be(0, "the paid voice was never asked");
        failed.Segments.Should().OnlyContain(s => s.Status == SegmentStatus.Succeeded && s.ClipFile != null, "the clips are kept");
        failed.FinalVideoFile.Should().BeNull();
        (await LedgerAsync(jobId)).Should().BeEmpty("nothing was spoken, nothing is billed");

        // Still over: "Assemble again" is refused up front and changes nothing.
        var refused = await _core.Get<JobControl>().ReassembleAsync(Owner, jobId, CancellationToken.None);
        refused.Outcome.Should().Be(JobCommandOutcome.OverBudget);
        refused.Reason.Should().Contain("estimated at $0.02").And.Contain("leaving $0.01").And.Contain("Nothing was changed");
        (await _core.LoadJobAsync(jobId)).Status.Should().Be(JobStatus.Failed);

        (await _core.Get<UserBudgets>().SetAsync(Owner, 1.00m, CancellationToken.None)).Should().BeTrue();
        var again = await _core.Get<JobControl>().ReassembleAsync(Owner, jobId, CancellationToken.None);
        again.Outcome.Should().Be(JobCommandOutcome.Done);
        await RunUntilFinishedAsync(jobId);

        var done = await _core.LoadJobAsync(jobId);
        done.Status.Should().Be(JobStatus.Completed, done.Error);
        done.FinalVideoFile.Should().NotBeNull();
        _voice.Lines.Should().Be(2, "both lines are spoken once the budget allows");
        (await LedgerAsync(jobId)).Should().ContainSingle(c => c.Kind == CostKind.Voice).Which.AmountUsd.Should().Be(0.02m);
    }

    [Fact]
    public async Task Start_FreeClipsWithAHostedVoice_EstimateAndStartRefusalCountTheVoiceOver()
    {
        var estimate = await _core.Get<JobService>().EstimateAsync(Owner, Command(), CancellationToken.None);
        estimate.Estimate!.Cost.Should().Be(new CostBreakdown(0m, 0m, 0.02m));
        (await _core.Get<UserBudgets>().SetAsync(Owner, 0.01m, CancellationToken.None)).Should().BeTrue();
        var jobId = await CreateAsync();

        var refused = await _core.Get<JobService>().StartWithReasonAsync(Owner, jobId, CancellationToken.None);

        refused.Outcome.Should().Be(JobCommandOutcome.OverBudget, "the free clips are followed by a paid voice-over");
        refused.Reason.Should().Contain("estimated at $0.02").And.Contain("your budget is $0.01");
        (await _core.LoadJobAsync(jobId)).Status.Should().Be(JobStatus.Draft);
    }

    [Fact]
    public async Task Assemble_HostedVoiceWithinTheBudget_IsSpokenAndItsReservationIsGivenBack()
    {
        var jobId = await CreateAsync();
        (await _core.Get<JobService>().StartWithReasonAsync(Owner, jobId, CancellationToken.None)).Outcome.Should().Be(JobCommandOutcome.Done);

        await RunUntilFinishedAsync(jobId);

        (await _core.LoadJobAsync(jobId)).Status.Should().Be(JobStatus.Completed);
        using var next = await _core.Get<BudgetGuard>().AdmitVoiceAsync(Owner, 0.03m, CancellationToken.None);
        next.Refusal.Should().BeNull("$0.02 is booked and no longer reserved twice: $0.03 is left");
    }

    private static CreateJobCommand Command() =>
        new("Voiced", "A paid voice", Template, Provider: "local", Prompts: Prompts, Narrations: Narrations, Voice: new VoiceChoice(HostedTestVoice.EngineName, null));

    private async Task<Guid> CreateAsync()
    {
        var created = await _core.Get<JobService>().CreateAsync(Owner, Command(), CancellationToken.None);
        created.Succeeded.Should().BeTrue(string.Join("; ", created.Errors?.Messages ?? []));
        created.Job!.EstimatedCost.Should().Be(new CostBreakdown(0m, 0m, 0.02m));
        return created.Job.Id;
    }

    private Task RunUntilFinishedAsync(Guid jobId) => _core.RunUntilFinishedAsync(jobId, "voice-budget-worker");

    private IDbContextFactory<StudioDbContext> Db() => _core.Get<IDbContextFactory<StudioDbContext>>();

    private async Task BookElsewhereAsync(decimal usd)
    {
        await using var db = await Db().CreateDbContextAsync();
        db.Costs.Add(new CostEntry(Guid.NewGuid(), Owner, Guid.NewGuid(), 0, "paid", CostKind.Clip, usd, DateTimeOffset.UtcNow));
        await db.SaveChangesAsync();
    }

    private async Task<List<CostEntry>> LedgerAsync(Guid jobId)
    {
        await using var db = await Db().CreateDbContextAsync();
        return await db.Costs.AsNoTracking().Where(c => c.JobId == jobId).ToListAsync();
    }
}
