using Microsoft.Extensions.Time.Testing;
using Studio.Core.Accounts;
using Studio.Core.Audit;
using Studio.Tests.Builders;

namespace Studio.Tests.Core.Audit;

/// <summary>The audit log's filters (who, action, days, free text), each applied by the database, with paging and counts.</summary>
public sealed class AuditLogQueryTests : IAsyncLifetime
{
    private static readonly DateTimeOffset Start = new(2026, 11, 1, 8, 0, 0, TimeSpan.Zero);
    private readonly FakeTimeProvider _time = new(Start);
    private TestDatabase _database = null!;
    private AuditLog _log = null!;

    public async Task InitializeAsync()
    {
        _database = await TestDatabase.CreateAsync(_time);
        _log = new AuditLog(_database, _time, CoreLocalizers.StoredWords);
        await using var db = _database.CreateDbContext();
        db.Users.AddRange(User("alice", "alice@example.com"), User("bob", "bob@example.com"));
        await db.SaveChangesAsync();

        // Day 1: alice starts and cancels; day 2: bob starts "Launch 100%"; day 3: alice deletes; a system line.
        await WriteAtAsync(Start, "alice", "job.start", "job/1", "Spring teaser");
        await WriteAtAsync(Start.AddHours(1), "alice", "job.cancel", "job/1", "Spring teaser");
        await WriteAtAsync(Start.AddDays(1), "bob", "job.start", "job/2", "Launch 100% organic");
        await WriteAtAsync(Start.AddDays(2), "alice", "job.delete", "job/1", "Spring teaser");
        await WriteAtAsync(Start.AddDays(2).AddHours(1), "system", "job.start", "job/3", "Nightly digest");
    }

    public async Task DisposeAsync() => await _database.DisposeAsync();

    [Fact]
    public async Task Page_ByActorEmailText_MatchesAnyCaseAndCountsOnlyThose()
    {
        var (items, total) = await _log.PageAsync(new AuditQuery(Actor: "ALICE@"), 1, 10, CancellationToken.None);

        total.Should().Be(3);
        items.Select(i => i.Action).Should().Equal("job.delete", "job.cancel", "job.start");
        items.Should().OnlyContain(i => i.ActorEmail == "alice@example.com");
    }

    [Fact]
    public async Task Page_ByActorIdWithoutAccount_StillMatches()
    {
        var (items, _) = await _log.PageAsync(new AuditQuery(Actor: "system"), 1, 10, CancellationToken.None);

        items.Should().ContainSingle().Which.Detail.Should().Be("Nightly digest");
    }

    [Fact]
    public async Task Page_ByActionAndDays_KeepsOnlyThoseDays()
    {
        var (starts, startsTotal) = await _log.PageAsync(new AuditQuery(Action: "job.start"), 1, 10, CancellationToken.None);
        var (secondDay, _) = await _log.PageAsync(new AuditQuery(From: Day(1), To: Day(2)), 1, 10, CancellationToken.None);
        var (fromDayThree, _) = await _log.PageAsync(new AuditQuery(Action: "job.start", From: Day(2)), 1, 10, CancellationToken.None);

        startsTotal.Should().Be(3);
        starts.Select(i => i.ActorId).Should().Equal("system", "bob", "alice");
        secondDay.Should().ContainSingle().Which.ActorId.Should().Be("bob");
        fromDayThree.Should().ContainSingle().Which.ActorId.Should().Be("system");
    }

    [Fact]
    public async Task Page_ByFreeText_SearchesDetailTargetAndAction_TakingWildcardsLiterally()
    {
        var (teaser, _) = await _log.PageAsync(new AuditQuery(Text: "TEASER"), 1, 10, CancellationToken.None);
        var (literal, _) = await _log.PageAsync(new AuditQuery(Text: "100%"), 1, 10, CancellationToken.None);
        var (wildcard, _) = await _log.PageAsync(new AuditQuery(Text: "1_0"), 1, 10, CancellationToken.None);
        var (target, _) = await _log.PageAsync(new AuditQuery(Text: "job/3"), 1, 10, CancellationToken.None);
        var (action, _) = await _log.PageAsync(new AuditQuery(Text: "cancel"), 1, 10, CancellationToken.None);

        teaser.Should().HaveCount(3);
        literal.Should().ContainSingle().Which.ActorId.Should().Be("bob");
        wildcard.Should().BeEmpty("_ is a character, not a wildcard");
        target.Should().ContainSingle().Which.ActorId.Should().Be("system");
        action.Should().ContainSingle().Which.Action.Should().Be("job.cancel");
    }

    [Fact]
    public async Task Page_FiltersCombineAndPage()
    {
        var (first, total) = await _log.PageAsync(new AuditQuery(Actor: "alice", Text: "spring"), 1, 2, CancellationToken.None);
        var (second, _) = await _log.PageAsync(new AuditQuery(Actor: "alice", Text: "spring"), 2, 2, CancellationToken.None);
        var (none, noneTotal) = await _log.PageAsync(new AuditQuery(Actor: "bob", Action: "job.delete"), 1, 10, CancellationToken.None);

        total.Should().Be(3);
        first.Select(i => i.Action).Should().Equal("job.delete", "job.cancel");
        second.Should().ContainSingle().Which.Action.Should().Be("job.start");
        none.Should().BeEmpty();
        noneTotal.Should().Be(0);
    }

    [Fact]
    public async Task Actions_ListsEachActionOnceAlphabetically()
    {
        (await _log.ActionsAsync(CancellationToken.None)).Should().Equal("job.cancel", "job.delete", "job.start");
    }

    private static DateTimeOffset Day(int after) => new(Start.UtcDateTime.Date.AddDays(after), TimeSpan.Zero);

    private static StudioUser User(string id, string email) => new()
    {
        Id = id, UserName = email, NormalizedUserName = email.ToUpperInvariant(), Email = email, NormalizedEmail = email.ToUpperInvariant(), CreatedAt = Start,
    };

    private async Task WriteAtAsync(DateTimeOffset at, string actor, string action, string target, string detail)
    {
        _time.SetUtcNow(at);
        await _log.WriteAsync(actor, action, target, detail, null, CancellationToken.None);
    }
}
