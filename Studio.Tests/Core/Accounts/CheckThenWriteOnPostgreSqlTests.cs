using Microsoft.EntityFrameworkCore;
using Studio.Core.Accounts;
using Studio.Core.Drafts;
using Studio.Core.Persistence;
using Studio.Tests.Builders;

namespace Studio.Tests.Core.Accounts;

/// <summary>
/// Check-then-write commands on PostgreSQL, where one process lets several writes in at once
/// (<c>Studio:Database:ConcurrentWrites</c>) and several processes share the database: the check and the write are made
/// in one transaction in the owner's turn, so requests at the same instant cannot all pass a limit that holds one.
/// </summary>
[Collection(PostgreSqlTests.Name)]
public sealed class CheckThenWriteOnPostgreSqlTests(PostgreSqlServer server) : IAsyncLifetime
{
    private const string Owner = "token-owner";
    private CoreHost _core = null!;

    public async Task InitializeAsync()
    {
        _core = await CoreHost.StartAsync(
            new Dictionary<string, string?> { ["Studio:Accounts:MaxTokensPerUser"] = "2" },
            engine: TestEngine.PostgreSql(server));
        await using var db = await _core.Get<IDbContextFactory<StudioDbContext>>().CreateDbContextAsync();
        db.Users.Add(new StudioUser { Id = Owner, UserName = "tokens@example.com", Email = "tokens@example.com", NormalizedEmail = "TOKENS@EXAMPLE.COM", NormalizedUserName = "TOKENS@EXAMPLE.COM" });
        await db.SaveChangesAsync();
    }

    public async Task DisposeAsync() => await _core.DisposeAsync();

    [Fact]
    public async Task CreateToken_TenRequestsAtOnceWithRoomForTwo_ExactlyTwoAreMade()
    {
        var tokens = _core.Get<ApiTokenService>();
        using var start = new ManualResetEventSlim();

        var requests = Enumerable.Range(0, 10).Select(i => Task.Run(async () =>
        {
            start.Wait();
            return await tokens.CreateAsync(Owner, $"Token {i}", CancellationToken.None);
        })).ToList();
        start.Set();
        var results = await Task.WhenAll(requests);

        results.Count(r => r.Token is not null).Should().Be(2, "the limit is two working tokens");
        results.Count(r => r.LimitReached).Should().Be(8);
        (await tokens.ListAsync(Owner, CancellationToken.None)).Should().HaveCount(2);
    }

    [Fact]
    public async Task SaveDraft_TenFirstSavesAtOnce_NoneFailsAndOneDraftIsKept()
    {
        var drafts = _core.Get<WizardDraftStore>();
        using var start = new ManualResetEventSlim();

        var saves = Enumerable.Range(0, 10).Select(i => Task.Run(async () =>
        {
            start.Wait();
            await drafts.SaveAsync(Owner, new WizardDraftContent(Title: $"Draft {i}"), CancellationToken.None);
        })).ToList();
        start.Set();
        await Task.WhenAll(saves);

        await using var db = await _core.Get<IDbContextFactory<StudioDbContext>>().CreateDbContextAsync();
        (await db.WizardDrafts.CountAsync(d => d.OwnerId == Owner)).Should().Be(1);
        (await drafts.LoadAsync(Owner, CancellationToken.None))!.Title.Should().StartWith("Draft ");
    }
}
