using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Studio.Core.Accounts;
using Studio.Core.Admin;
using Studio.Core.Budget;
using Studio.Core.Costs;
using Studio.Core.Events;
using Studio.Core.Jobs;
using Studio.Core.Orchestration;
using Studio.Core.Persistence;
using Studio.Core.Providers;
using Studio.Core.Segments;
using Studio.Core.Templates;

namespace Studio.Tests.Core.Budget;

/// <summary>
/// Retrying failed segments and making a new take are paid work: refused up front, with the figures and without any
/// change to the job, when the owner's budget cannot hold the new takes; admitted, they reserve their price in the same
/// write, so two commands at the same instant cannot both pass a budget that holds one. Real SQLite, real worker loop.
/// </summary>
public class NewWorkBudgetTests : IAsyncLifetime
{
    protected virtual TestEngine Engine => TestEngine.Sqlite;

    private const string Owner = "retry-owner";
    private const string Template = "Retry Budget Square 2x2";
    private static readonly string[] Prompts = ["One", "Two"];
    private static readonly string[] Silences = ["", ""];
    private readonly ScriptedPaidProvider _paid = new("keeping", 0.25m, refundsFailures: false);
    private CoreHost _core = null!;

    private JobControl Control => _core.Get<JobControl>();

    public async Task InitializeAsync()
    {
        _core = await CoreHost.StartAsync(
            new Dictionary<string, string?>
            {
                ["Studio:Budget:MonthlyUsdPerUser"] = "1.00",
                ["Studio:Workers:RetryDelay"] = "00:00:00.020",
                ["Studio:Workers:MaxStatusPoll"] = "00:00:00.200",
            },
            services => services.AddSingleton<IVideoProvider>(_paid),
            Engine);
        await _core.AddTemplateAsync(new VideoTemplate(
            Guid.NewGuid(), Template, "", AspectRatio.Square1x1, 2, 2, "keeping", GenerationMode.TextToVideo, "", [], DateTimeOffset.UtcNow));
        await using var db = await Db().CreateDbContextAsync();
        db.Users.Add(new StudioUser { Id = Owner, UserName = "retry@example.com", Email = "retry@example.com", NormalizedEmail = "RETRY@EXAMPLE.COM", NormalizedUserName = "RETRY@EXAMPLE.COM" });
        await db.SaveChangesAsync();
    }

    public async Task DisposeAsync() => await _core.DisposeAsync();

    [Fact]
    public async Task Regenerate_NewTakeOverTheBudget_RefusedWithTheFiguresAndNothingChanges()
    {
        var jobId = await RunNewJobAsync();
        await BookElsewhereAsync(0.40m);
        var before = await _core.LoadJobAsync(jobId);

        var refused = await Control.RegenerateAsync(Owner, jobId, 1, "A new idea", CancellationToken.None);

        refused.Outcome.Should().Be(JobCommandOutcome.OverBudget);
        refused.Reason.Should().Contain("estimated at $0.25").And.Contain("your budget is $1.00").And.Contain("$0.90 is spent")
            .And.Contain("leaving $0.10").And.Contain("Nothing was changed");
        var after = await _core.LoadJobAsync(jobId);
        after.Status.Should().Be(JobStatus.Completed);
        after.Version.Should().Be(before.Version, "a refused command writes nothing");
        after.EstimatedCostUsd.Should().Be(0.50m);
        after.Segments.Single(s => s.Index == 1).Should().Match<Segment>(s => s.Take == 1 && s.Prompt == "Two" && s.Status == SegmentStatus.Succeeded);
        _paid.Submissions.Should().Be(2);
        (await AuditActionsAsync(jobId)).Should().NotContain("job.regenerate");
        (await Status()).ReservedUsd.Should().Be(0m);
    }

    [Fact]
    public async Task Regenerate_WithinTheBudget_ReservesTheNewTakeUntilItIsBilled()
    {
        var jobId = await RunNewJobAsync();

        var done = await Control.RegenerateAsync(Owner, jobId, 1, null, CancellationToken.None);

        done.Outcome.Should().Be(JobCommandOutcome.Done);
        (await _core.LoadJobAsync(jobId)).EstimatedCostUsd.Should().Be(0.75m, "the estimate grows by the new take");
        (await Status()).Should().Match<BudgetStatus>(s => s.SpentUsd == 0.50m && s.ReservedUsd == 0.25m && s.RemainingUsd == 0.25m);
        await RunUntilFinishedAsync(jobId);
        (await Status()).Should().Match<BudgetStatus>(s => s.SpentUsd == 0.75m && s.ReservedUsd == 0m);
        (await _core.LoadJobAsync(jobId)).ActualCostUsd.Should().Be(0.75m);
    }

    [Fact]
    public async Task Retry_FailedSegmentOverTheBudget_RefusedForTheOwnerAndTheAdminThenDoneOnceAllowed()
    {
        _paid.Outcomes.Enqueue(ProviderJobStatus.Failed("The prompt was refused", permanent: true));
        var jobId = await RunNewJobAsync(JobStatus.Failed);
        await BookElsewhereAsync(0.40m);

        var refused = await Control.RetryAsync(Owner, jobId, CancellationToken.None);
        var bulk = await _core.Get<AdminJobs>().BulkAsync("admin-1", BulkJobAction.Retry, [jobId], CancellationToken.None);

        refused.Outcome.Should().Be(JobCommandOutcome.OverBudget);
        refused.Reason.Should().Contain("estimated at $0.25").And.Contain("$0.90 is spent").And.Contain("leaving $0.10");
        bulk.Items.Should().ContainSingle().Which.Should().Match<BulkJobItem>(i => i.Outcome == JobCommandOutcome.OverBudget && i.Reason!.Contains("leaving $0.10"));
        var failed = await _core.LoadJobAsync(jobId);
        failed.Status.Should().Be(JobStatus.Failed);
        failed.Segments.Should().ContainSingle(s => s.Status == SegmentStatus.Failed);

        (await _core.Get<UserBudgets>().SetAsync(Owner, 2.00m, CancellationToken.None)).Should().BeTrue();
        (await Control.RetryAsync(Owner, jobId, CancellationToken.None)).Outcome.Should().Be(JobCommandOutcome.Done);
        await RunUntilFinishedAsync(jobId);
        (await _core.LoadJobAsync(jobId)).Status.Should().Be(JobStatus.Completed);
    }

    [Fact]
    public async Task Regenerate_TwoSegmentsAtTheSameInstantWithBudgetForOne_ExactlyOnePasses()
    {
        var jobId = await RunNewJobAsync();
        (await _core.Get<UserBudgets>().SetAsync(Owner, 0.80m, CancellationToken.None)).Should().BeTrue();

        var results = await Task.WhenAll(
            Task.Run(() => Control.RegenerateAsync(Owner, jobId, 0, null, CancellationToken.None)),
            Task.Run(() => Control.RegenerateAsync(Owner, jobId, 1, null, CancellationToken.None)));

        results.Select(r => r.Outcome).Should().BeEquivalentTo([JobCommandOutcome.Done, JobCommandOutcome.OverBudget], "$0.30 left holds one $0.25 take");
        results.Single(r => r.Outcome == JobCommandOutcome.OverBudget).Reason.Should().Contain("$0.25 is reserved by jobs in progress");
        (await _core.LoadJobAsync(jobId)).Segments.Count(s => s.Status == SegmentStatus.Pending).Should().Be(1);
        (await Status()).ReservedUsd.Should().Be(0.25m);
    }

    [Fact]
    public async Task Regenerate_TwoJobsAtTheSameInstantWithBudgetForOne_ExactlyOnePasses()
    {
        var first = await RunNewJobAsync();
        var second = await RunNewJobAsync();
        (await _core.Get<UserBudgets>().SetAsync(Owner, 1.30m, CancellationToken.None)).Should().BeTrue();

        var results = await Task.WhenAll(
            Task.Run(() => Control.RegenerateAsync(Owner, first, 0, null, CancellationToken.None)),
            Task.Run(() => Control.RegenerateAsync(Owner, second, 0, null, CancellationToken.None)));

        results.Count(r => r.Outcome == JobCommandOutcome.Done).Should().Be(1, "$0.30 left holds one $0.25 take");
        results.Count(r => r.Outcome == JobCommandOutcome.OverBudget).Should().Be(1);
        var statuses = new[] { (await _core.LoadJobAsync(first)).Status, (await _core.LoadJobAsync(second)).Status };
        statuses.Should().BeEquivalentTo([JobStatus.Queued, JobStatus.Completed]);
    }

    private async Task<Guid> RunNewJobAsync(JobStatus expected = JobStatus.Completed)
    {
        var jobs = _core.Get<JobService>();
        var created = await jobs.CreateAsync(Owner, new CreateJobCommand("Retry budget", "Paid clips", Template, Provider: "keeping", Prompts: Prompts, Narrations: Silences), CancellationToken.None);
        created.Succeeded.Should().BeTrue(string.Join("; ", created.Errors?.Messages ?? []));
        (await jobs.StartWithReasonAsync(Owner, created.Job!.Id, CancellationToken.None)).Outcome.Should().Be(JobCommandOutcome.Done);
        await RunUntilFinishedAsync(created.Job.Id);
        var finished = await _core.LoadJobAsync(created.Job.Id);
        finished.Status.Should().Be(expected, finished.Error);
        return created.Job.Id;
    }

    private Task RunUntilFinishedAsync(Guid jobId) => _core.RunUntilFinishedAsync(jobId, "retry-budget-worker");

    private Task<BudgetStatus> Status() => _core.Get<BudgetGuard>().StatusAsync(Owner, CancellationToken.None);

    private IDbContextFactory<StudioDbContext> Db() => _core.Get<IDbContextFactory<StudioDbContext>>();

    private async Task BookElsewhereAsync(decimal usd)
    {
        await using var db = await Db().CreateDbContextAsync();
        db.Costs.Add(new CostEntry(Guid.NewGuid(), Owner, Guid.NewGuid(), 0, "paid", CostKind.Clip, usd, DateTimeOffset.UtcNow));
        await db.SaveChangesAsync();
    }

    private async Task<List<string>> AuditActionsAsync(Guid jobId)
    {
        await using var db = await Db().CreateDbContextAsync();
        return await db.Audit.AsNoTracking().Where(a => a.Target == $"job/{jobId}").Select(a => a.Action).ToListAsync();
    }
}
