using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Studio.Core.Accounts;
using Studio.Core.Admin;
using Studio.Core.Events;
using Studio.Core.Jobs;
using Studio.Core.Persistence;
using Studio.Core.Segments;
using Studio.Core.Templates;
using Studio.Tests.Core.Analytics;

namespace Studio.Tests.Core.Admin;

/// <summary>An admin acting on other users' jobs through the real Core services over a real SQLite database.</summary>
public class AdminJobsTests : IAsyncLifetime
{
    protected virtual TestEngine Engine => TestEngine.Sqlite;

    private const string AdminId = "admin-1";
    private CoreHost _core = null!;
    private string _alice = null!;
    private string _bob = null!;

    private AdminJobs Admin => _core.Get<AdminJobs>();

    private JobService Jobs => _core.Get<JobService>();

    public async Task InitializeAsync()
    {
        _core = await CoreHost.StartAsync(engine: Engine);
        await RoleSeed.AddRolesAsync(_core.Services);
        _alice = await CreateUserAsync("alice@example.com");
        _bob = await CreateUserAsync("bob@example.com");
    }

    public async Task DisposeAsync() => await _core.DisposeAsync();

    [Fact]
    public async Task BulkCancel_AnotherUsersQueuedJob_IsCancelledAndAuditedWithTheAdminAsActor()
    {
        var queued = await CreateJobAsync(_alice, "Alice's queued", start: true);
        var draft = await CreateJobAsync(_bob, "Bob's draft");
        await Admin.BulkAsync(AdminId, BulkJobAction.Cancel, [draft], CancellationToken.None);

        var result = await Admin.BulkAsync(AdminId, BulkJobAction.Cancel, [queued, draft, Guid.NewGuid()], CancellationToken.None);

        result.Done.Should().Be(1);
        result.Refused.Select(r => r.Outcome).Should().Equal(JobCommandOutcome.Conflict, JobCommandOutcome.NotFound);
        result.Refused[0].Reason.Should().Contain("already cancelled");
        (await Jobs.GetAsync(_alice, queued, CancellationToken.None))!.Status.Should().Be(JobStatus.Cancelled);
        var audit = await AuditAsync($"job/{queued}");
        audit.Should().ContainSingle(a => a.ActorId == AdminId && a.Action == "admin.job.cancel");
        audit.Should().ContainSingle(a => a.ActorId == _alice && a.Action == "job.cancel", "the owner's own line stays as JobControl writes it");
    }

    [Fact]
    public async Task BulkRetryAndDelete_CancelledJobOfAnotherUser_AreDoneAndAudited()
    {
        var retried = await CreateJobAsync(_alice, "Retry me", start: true);
        var deleted = await CreateJobAsync(_bob, "Delete me", start: true);
        var running = await CreateJobAsync(_bob, "Still queued", start: true);
        await Admin.BulkAsync(AdminId, BulkJobAction.Cancel, [retried, deleted], CancellationToken.None);

        var retry = await Admin.BulkAsync(AdminId, BulkJobAction.Retry, [retried], CancellationToken.None);
        var delete = await Admin.BulkAsync(AdminId, BulkJobAction.Delete, [deleted, running], CancellationToken.None);

        retry.Done.Should().Be(1);
        (await Jobs.GetAsync(_alice, retried, CancellationToken.None))!.Status.Should().Be(JobStatus.Queued);
        delete.Done.Should().Be(1);
        delete.Refused.Should().ContainSingle().Which.Reason.Should().Contain("cancel it before deleting");
        (await Jobs.GetAsync(_bob, deleted, CancellationToken.None)).Should().BeNull();
        (await AuditAsync($"job/{retried}")).Should().Contain(a => a.ActorId == AdminId && a.Action == "admin.job.retry");
        (await AuditAsync($"job/{deleted}")).Should().Contain(a => a.ActorId == AdminId && a.Action == "admin.job.delete");
        (await AuditAsync($"job/{running}")).Should().NotContain(a => a.ActorId == AdminId, "a refused action did nothing");
    }

    [Fact]
    public async Task Page_FiltersByOwnerTitleAndStatus_AcrossUsers()
    {
        await CreateJobAsync(_alice, "Morning stretch");
        await CreateJobAsync(_alice, "Evening walk", start: true);
        await CreateJobAsync(_bob, "Morning coffee 100%");

        var all = await Admin.PageAsync(new AdminJobQuery(), 1, 10, CancellationToken.None);
        var alices = await Admin.PageAsync(new AdminJobQuery(Owner: "ALICE@"), 1, 10, CancellationToken.None);
        var mornings = await Admin.PageAsync(new AdminJobQuery(Title: "morning"), 1, 10, CancellationToken.None);
        var literal = await Admin.PageAsync(new AdminJobQuery(Title: "100%"), 1, 10, CancellationToken.None);
        var queued = await Admin.PageAsync(new AdminJobQuery(Status: JobStatus.Queued), 1, 10, CancellationToken.None);
        var second = await Admin.PageAsync(new AdminJobQuery(), 2, 2, CancellationToken.None);

        all.Total.Should().Be(3);
        all.Items.Select(i => i.OwnerEmail).Should().BeEquivalentTo(["alice@example.com", "alice@example.com", "bob@example.com"]);
        alices.Items.Select(i => i.Title).Should().BeEquivalentTo(["Morning stretch", "Evening walk"]);
        mornings.Items.Select(i => i.Title).Should().BeEquivalentTo(["Morning stretch", "Morning coffee 100%"]);
        literal.Items.Should().ContainSingle().Which.OwnerId.Should().Be(_bob);
        queued.Items.Should().ContainSingle().Which.Title.Should().Be("Evening walk");
        second.Total.Should().Be(3);
        second.Items.Should().ContainSingle();
    }

    [Fact]
    public async Task Page_SortedByTitleOwnerAndStatus_UsesTheDatabaseOrderAcrossPages()
    {
        var at = new DateTimeOffset(2026, 11, 20, 9, 0, 0, TimeSpan.Zero);
        await SaveAsync(
            AnalyticsSeed.Job(_bob, "bravo", at.AddMinutes(1), JobStatus.Failed),
            AnalyticsSeed.Job(_alice, "Charlie", at.AddMinutes(2)),
            AnalyticsSeed.Job(_bob, "Alpha", at.AddMinutes(3), JobStatus.Completed),
            AnalyticsSeed.Job(_alice, "delta", at.AddMinutes(4), JobStatus.Queued));

        var byTitle = await Admin.PageAsync(new AdminJobQuery(Sort: AdminJobSort.Title, Descending: false), 1, 10, CancellationToken.None);
        var byTitleDown = await Admin.PageAsync(new AdminJobQuery(Sort: AdminJobSort.Title), 1, 10, CancellationToken.None);
        var byOwner = await Admin.PageAsync(new AdminJobQuery(Sort: AdminJobSort.Owner, Descending: false), 1, 10, CancellationToken.None);
        var byStatus = await Admin.PageAsync(new AdminJobQuery(Sort: AdminJobSort.Status, Descending: false), 1, 10, CancellationToken.None);
        var secondPage = await Admin.PageAsync(new AdminJobQuery(Sort: AdminJobSort.Title, Descending: false), 2, 3, CancellationToken.None);
        var oldestFirst = await Admin.PageAsync(new AdminJobQuery(Descending: false), 1, 10, CancellationToken.None);

        byTitle.Items.Select(i => i.Title).Should().Equal(["Alpha", "bravo", "Charlie", "delta"], "case does not split the alphabet");
        byTitleDown.Items.Select(i => i.Title).Should().Equal("delta", "Charlie", "bravo", "Alpha");
        byOwner.Items.Select(i => i.OwnerEmail).Should().Equal(
            ["alice@example.com", "alice@example.com", "bob@example.com", "bob@example.com"]);
        byOwner.Items.Select(i => i.Title).Should().Equal(["delta", "Charlie", "Alpha", "bravo"], "one owner's jobs stay newest first");
        byStatus.Items.Select(i => i.Status).Should().Equal(JobStatus.Draft, JobStatus.Queued, JobStatus.Completed, JobStatus.Failed);
        secondPage.Total.Should().Be(4);
        secondPage.Items.Select(i => i.Title).Should().Equal("delta");
        oldestFirst.Items.Select(i => i.Title).Should().Equal("bravo", "Charlie", "Alpha", "delta");
    }

    [Fact]
    public async Task Page_SortedByCost_OrdersByWhatWasSpentAsANumber_WithTheFiltersKept()
    {
        var at = new DateTimeOffset(2026, 11, 20, 9, 0, 0, TimeSpan.Zero);
        await SaveAsync(
            Spending(_alice, "Ten", at.AddMinutes(1), 10.25m),
            Spending(_alice, "Nine", at.AddMinutes(2), 9.5m),
            Spending(_alice, "Hundred", at.AddMinutes(3), 100m, cancel: true),
            Spending(_bob, "Bob's fifty", at.AddMinutes(4), 50m));

        var ascending = await Admin.PageAsync(new AdminJobQuery(Sort: AdminJobSort.Cost, Descending: false), 1, 10, CancellationToken.None);
        var alicesDescending = await Admin.PageAsync(new AdminJobQuery(Owner: "alice", Sort: AdminJobSort.Cost), 1, 10, CancellationToken.None);

        ascending.Items.Select(i => i.Title).Should().Equal(["Nine", "Ten", "Bob's fifty", "Hundred"], "9.5 < 10.25 < 50 < 100, not as text");
        ascending.Items.Select(i => i.SpentUsd).Should().Equal(9.5m, 10.25m, 50m, 100m);
        alicesDescending.Total.Should().Be(3);
        alicesDescending.Items.Select(i => i.Title).Should().Equal("Hundred", "Ten", "Nine");
    }

    [Fact]
    public async Task EditPrompt_PendingSegmentOfAnotherUser_ChangesItInPlaceAndIsAudited()
    {
        var job = await CreateJobAsync(_alice, "Draft to fix");

        var result = await Admin.EditPromptAsync(AdminId, job, 1, "  A calm lake at dawn  ", CancellationToken.None);

        result.Result.Outcome.Should().Be(JobCommandOutcome.Done);
        result.Kind.Should().Be(PromptEditKind.ChangedBeforeSubmission);
        var segment = (await Jobs.GetAsync(_alice, job, CancellationToken.None))!.Segments[1];
        segment.Prompt.Should().Be("A calm lake at dawn");
        segment.Takes.Should().BeEmpty("nothing new is made for a segment not yet sent");
        (await AuditAsync($"job/{job}/segment/1")).Should().ContainSingle(a => a.ActorId == AdminId && a.Action == "admin.segment.prompt");
    }

    [Fact]
    public async Task EditPrompt_FinishedSegment_StartsANewTakeWithTheNewPrompt()
    {
        var job = await CreateJobAsync(_alice, "Cancelled", start: true);
        await Admin.BulkAsync(AdminId, BulkJobAction.Cancel, [job], CancellationToken.None);

        var result = await Admin.EditPromptAsync(AdminId, job, 0, "A red kite over hills", CancellationToken.None);

        result.Kind.Should().Be(PromptEditKind.Regenerating);
        var details = (await Jobs.GetAsync(_alice, job, CancellationToken.None))!;
        details.Status.Should().Be(JobStatus.Queued);
        details.Segments[0].Prompt.Should().Be("A red kite over hills");
        details.Segments[0].Status.Should().Be(SegmentStatus.Pending);
        (await AuditAsync($"job/{job}/segment/0")).Should().ContainSingle(a => a.ActorId == AdminId && a.Action == "admin.segment.regenerate");
    }

    [Fact]
    public async Task EditPrompt_SegmentAtTheProvider_IsRefusedAndUnchanged()
    {
        var job = await CreateJobAsync(_alice, "Running", start: true);
        var driver = new JobDriver(_core.Get<IDbContextFactory<StudioDbContext>>(), _core.Get<IJobEvents>(), TimeProvider.System);
        await driver.ClaimAsync(job);
        await driver.RenderSegmentAsync(job, 0, 0.4);
        var before = (await Jobs.GetAsync(_alice, job, CancellationToken.None))!.Segments[0].Prompt;

        var result = await Admin.EditPromptAsync(AdminId, job, 0, "Something else", CancellationToken.None);

        result.Result.Outcome.Should().Be(JobCommandOutcome.Conflict);
        result.Result.Reason.Should().Contain("at the provider");
        (await Jobs.GetAsync(_alice, job, CancellationToken.None))!.Segments[0].Prompt.Should().Be(before);
    }

    [Theory]
    [InlineData("   ", "empty")]
    [InlineData(null, "at most")]
    public async Task EditPrompt_EmptyOrTooLong_IsInvalid(string? prompt, string says)
    {
        var job = await CreateJobAsync(_alice, "Draft");

        var result = await Admin.EditPromptAsync(AdminId, job, 0, prompt ?? new string('x', Segment.MaxPromptLength + 1), CancellationToken.None);

        result.Result.Outcome.Should().Be(JobCommandOutcome.Invalid);
        result.Result.Reason.Should().Contain(says);
    }

    // A running job whose one segment was charged usdCharged at its provider; cancelled, the charge becomes its total.
    private static ProductionJob Spending(string owner, string title, DateTimeOffset at, decimal usdCharged, bool cancel = false)
    {
        var job = AnalyticsSeed.Job(owner, title, at, JobStatus.Running);
        var segment = new Segment(Guid.NewGuid(), job.Id, 0, "A prompt", GenerationMode.TextToVideo, null, "sim", 5, 0m);
        segment.BeginSubmit(at);
        segment.MarkSubmitted("provider-job", usdCharged);
        job.AddSegment(segment);
        if (cancel)
        {
            job.Cancel(at.AddMinutes(1));
        }

        return job;
    }

    private async Task SaveAsync(params ProductionJob[] jobs) => await AnalyticsSeed.SaveAsync(_core.Get<IDbContextFactory<StudioDbContext>>(), jobs);

    private async Task<string> CreateUserAsync(string email)
    {
        await using var scope = _core.Services.CreateAsyncScope();
        var created = await scope.ServiceProvider.GetRequiredService<UserAdministration>()
            .CreateAsync(new NewUser(email, "Long-enough-pass-1", StudioRoles.User), CancellationToken.None);
        return created.User!.Id;
    }

    private async Task<Guid> CreateJobAsync(string owner, string title, bool start = false)
    {
        var created = await Jobs.CreateAsync(owner, new CreateJobCommand(title, "Three habits of fast remote teams", DefaultTemplates.Reels30), CancellationToken.None);
        created.Succeeded.Should().BeTrue();
        if (start)
        {
            (await Jobs.StartAsync(owner, created.Job!.Id, CancellationToken.None)).Should().Be(JobCommandOutcome.Done);
        }

        return created.Job!.Id;
    }

    private async Task<List<Studio.Core.Audit.AuditEntry>> AuditAsync(string target)
    {
        await using var db = await _core.Get<IDbContextFactory<StudioDbContext>>().CreateDbContextAsync();
        return await db.Audit.AsNoTracking().Where(a => a.Target == target).ToListAsync();
    }
}
