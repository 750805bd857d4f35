using Microsoft.Extensions.Time.Testing;
using Studio.Core.Drafts;
using Studio.Core.Persistence;
using Studio.Core.Segments;

namespace Studio.Tests.Core.Drafts;

/// <summary>The wizard's draft store over a real SQLite file: one draft per user, replaced on save, owner-scoped, discarded.</summary>
public sealed class WizardDraftStoreTests : IAsyncLifetime
{
    private const string Owner = "user-1";
    private const string Other = "user-2";
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 3, 15, 12, 0, 0, TimeSpan.Zero));
    private TestDatabase _database = null!;
    private WizardDraftStore _store = null!;

    public async Task InitializeAsync()
    {
        _database = await TestDatabase.CreateAsync(_time);
        _store = new WizardDraftStore(_database, new DatabaseWriteGate(Microsoft.Extensions.Options.Options.Create(new DatabaseOptions())), new SqliteConcurrency(), _time);
    }

    public async Task DisposeAsync() => await _database.DisposeAsync();

    [Fact]
    public async Task Load_NothingSaved_ReturnsNull()
    {
        (await _store.LoadAsync(Owner, CancellationToken.None)).Should().BeNull();
    }

    [Fact]
    public async Task Save_ThenLoad_ReturnsEverySegmentAndTheStep()
    {
        var asset = Guid.NewGuid();
        var content = Sample() with
        {
            Segments = [new WizardDraftSegment("A desk at dawn", "Start early.", GenerationMode.ImageToVideo, asset, Edited: true), new WizardDraftSegment("Coffee", "")],
        };

        await _store.SaveAsync(Owner, content, CancellationToken.None);
        var loaded = await _store.LoadAsync(Owner, CancellationToken.None);

        loaded.Should().BeEquivalentTo(content);
        loaded!.Cards[0].AssetId.Should().Be(asset);
        loaded.Cards[0].Mode.Should().Be(GenerationMode.ImageToVideo);
    }

    [Fact]
    public async Task Save_Twice_KeepsOneRowWithTheLastContent()
    {
        await _store.SaveAsync(Owner, Sample(), CancellationToken.None);
        _time.Advance(TimeSpan.FromMinutes(1));
        await _store.SaveAsync(Owner, Sample() with { Step = 2, Theme = "Second thoughts" }, CancellationToken.None);

        await using var db = _database.CreateDbContext();
        var rows = db.WizardDrafts.Where(d => d.OwnerId == Owner).ToList();
        rows.Should().ContainSingle();
        rows[0].UpdatedAt.Should().Be(_time.GetUtcNow());
        (await _store.LoadAsync(Owner, CancellationToken.None))!.Theme.Should().Be("Second thoughts");
    }

    [Fact]
    public async Task Load_AnotherUsersDraft_IsNotSeen()
    {
        await _store.SaveAsync(Other, Sample(), CancellationToken.None);

        (await _store.LoadAsync(Owner, CancellationToken.None)).Should().BeNull();
    }

    [Fact]
    public async Task Discard_RemovesOnlyTheOwnersDraft()
    {
        await _store.SaveAsync(Owner, Sample(), CancellationToken.None);
        await _store.SaveAsync(Other, Sample() with { Theme = "Theirs" }, CancellationToken.None);

        await _store.DiscardAsync(Owner, CancellationToken.None);

        (await _store.LoadAsync(Owner, CancellationToken.None)).Should().BeNull();
        (await _store.LoadAsync(Other, CancellationToken.None))!.Theme.Should().Be("Theirs");
    }

    [Fact]
    public async Task Save_ContentTooLong_IsRefusedAndNothingIsStored()
    {
        var huge = Sample() with { Theme = new string('x', WizardDraft.MaxContentLength) };

        var save = () => _store.SaveAsync(Owner, huge, CancellationToken.None);

        await save.Should().ThrowAsync<ArgumentException>();
        (await _store.LoadAsync(Owner, CancellationToken.None)).Should().BeNull();
    }

    [Fact]
    public async Task Load_UnreadableContent_IsTreatedAsNoDraft()
    {
        await using (var db = _database.CreateDbContext())
        {
            db.WizardDrafts.Add(new WizardDraft(Guid.NewGuid(), Owner, "{ not json", _time.GetUtcNow()));
            await db.SaveChangesAsync();
        }

        (await _store.LoadAsync(Owner, CancellationToken.None)).Should().BeNull();
    }

    private static WizardDraftContent Sample() => new(
        Step: 1,
        Title: "Morning routine",
        Theme: "Three habits of fast remote teams",
        TemplateId: Guid.NewGuid(),
        Provider: "local",
        Mode: WizardMode.Hybrid,
        FallbackProvider: "sim",
        Segments: [new WizardDraftSegment("A desk at dawn", "Start early.")],
        DraftedFor: "key");
}
