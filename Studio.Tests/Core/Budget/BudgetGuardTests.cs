using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Studio.Core.Budget;
using Studio.Core.Costs;
using Studio.Core.Persistence;
using Studio.Tests.Builders;

namespace Studio.Tests.Core.Budget;

/// <summary>The budget guard over a real ledger: the calendar month (UTC), refunds, free clips, and no budget at all.</summary>
public class BudgetGuardTests : IAsyncLifetime
{
    protected virtual TestEngine Engine => TestEngine.Sqlite;

    private const string Owner = "user-1";
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 3, 15, 12, 0, 0, TimeSpan.Zero));
    private CoreHost _core = null!;

    public async Task InitializeAsync() =>
        _core = await CoreHost.StartAsync(
            new Dictionary<string, string?> { ["Studio:Budget:MonthlyUsdPerUser"] = "1.00" },
            services => services.AddSingleton<TimeProvider>(_time),
            Engine);

    public async Task DisposeAsync() => await _core.DisposeAsync();

    [Fact]
    public async Task Status_LastMonthAndRefunds_CountsThisMonthNetOfRefunds()
    {
        await BookAsync(5.00m, new DateTimeOffset(2026, 2, 28, 23, 59, 59, TimeSpan.Zero));
        await BookAsync(0.40m, new DateTimeOffset(2026, 3, 1, 0, 0, 0, TimeSpan.Zero));
        await BookAsync(-0.10m, new DateTimeOffset(2026, 3, 10, 0, 0, 0, TimeSpan.Zero), CostKind.Refund);
        await BookAsync(9.00m, new DateTimeOffset(2026, 3, 12, 0, 0, 0, TimeSpan.Zero), owner: "someone-else");

        var status = await _core.Get<BudgetGuard>().StatusAsync(Owner, CancellationToken.None);

        status.Should().Be(new BudgetStatus(1.00m, 0.30m, 0m, 0.70m, "2026-03"));
    }

    [Fact]
    public async Task AdmitClip_PriceWouldPassTheBudget_RefusesWithTheNumbers()
    {
        await BookAsync(0.80m, _time.GetUtcNow());
        var guard = _core.Get<BudgetGuard>();

        using var refused = await guard.AdmitClipAsync(Owner, 0.25m, CancellationToken.None);

        refused.Refusal.Should().NotBeNull();
        refused.Refusal!.BudgetUsd.Should().Be(1.00m);
        refused.Refusal.SpentUsd.Should().Be(0.80m);
        refused.Refusal.EstimateUsd.Should().Be(0.25m);
        refused.Refusal.Message.Should().Contain("this clip costs $0.25").And.Contain("$0.80 of your $1.00");
        using var exact = await guard.AdmitClipAsync(Owner, 0.20m, CancellationToken.None);
        exact.Refusal.Should().BeNull("exactly reaching the budget is allowed");
    }

    [Fact]
    public async Task AdmitClip_SecondClipOfTheSameUserWhileTheFirstIsSubmitted_CountsItsReservationAndIsRefused()
    {
        var guard = _core.Get<BudgetGuard>();
        var first = await guard.AdmitClipAsync(Owner, 0.60m, CancellationToken.None);
        first.Refusal.Should().BeNull();

        using (var second = await guard.AdmitClipAsync(Owner, 0.60m, CancellationToken.None))
        {
            second.Refusal.Should().NotBeNull("$0.60 is reserved by the clip being submitted; another $0.60 would pass $1.00");
        }

        using (var otherUser = await guard.AdmitClipAsync("user-2", 0.60m, CancellationToken.None))
        {
            otherUser.Refusal.Should().BeNull("another user's clips are counted apart");
        }

        await BookAsync(0.60m, _time.GetUtcNow());
        first.Dispose();
        using (var third = await guard.AdmitClipAsync(Owner, 0.30m, CancellationToken.None))
        {
            third.Refusal.Should().BeNull("$0.60 booked and nothing reserved leaves $0.40");
        }

        using var fourth = await guard.AdmitClipAsync(Owner, 0.60m, CancellationToken.None);
        fourth.Refusal.Should().NotBeNull("the booked charge counts once the reservation is given back");
    }

    [Fact]
    public async Task AdmitClip_ChargeBookedWithTheReservationGivenBackInOneWrite_CountsThePriceOnce()
    {
        var guard = _core.Get<BudgetGuard>();
        await BookAsync(0.50m, _time.GetUtcNow());
        using var first = await guard.AdmitClipAsync(Owner, 0.25m, CancellationToken.None);
        first.Refusal.Should().BeNull();

        // What a worker does once the provider took the clip: the charge and the end of the reservation in one write.
        await using (var db = await _core.Get<IDbContextFactory<StudioDbContext>>().CreateDbContextAsync())
        {
            await using var transaction = await db.Database.BeginTransactionAsync();
            db.Costs.Add(new CostEntry(Guid.NewGuid(), Owner, Guid.NewGuid(), 0, "paid", CostKind.Clip, 0.25m, _time.GetUtcNow()));
            await db.SaveChangesAsync();
            await first.ReleaseWithinAsync(db, CancellationToken.None);
            await transaction.CommitAsync();
        }

        // The first clip's worker has not disposed its admission yet: its price must not count as reserved and spent.
        using var second = await guard.AdmitClipAsync(Owner, 0.25m, CancellationToken.None);
        second.Refusal.Should().BeNull("$0.75 is spent and nothing else is reserved: $0.25 more reaches $1.00 exactly");
        (await guard.StatusAsync(Owner, CancellationToken.None)).SpentUsd.Should().Be(0.75m);
    }

    [Fact]
    public async Task AdmitClip_ReservationGivenBackInAWriteThatRolledBack_StillHeldUntilDisposed()
    {
        var guard = _core.Get<BudgetGuard>();
        var first = await guard.AdmitClipAsync(Owner, 0.60m, CancellationToken.None);
        await using (var db = await _core.Get<IDbContextFactory<StudioDbContext>>().CreateDbContextAsync())
        {
            await using var transaction = await db.Database.BeginTransactionAsync();
            await first.ReleaseWithinAsync(db, CancellationToken.None);
            await transaction.RollbackAsync();
        }

        using (var refused = await guard.AdmitClipAsync(Owner, 0.60m, CancellationToken.None))
        {
            refused.Refusal.Should().NotBeNull("the write that would have booked the charge did not happen: the price is still reserved");
        }

        first.Dispose();
        using var admitted = await guard.AdmitClipAsync(Owner, 0.60m, CancellationToken.None);
        admitted.Refusal.Should().BeNull("disposing gave the reservation back");
    }

    [Fact]
    public async Task AdmitClip_NotSubmittedAfterAll_GivesItsReservationBack()
    {
        var guard = _core.Get<BudgetGuard>();
        (await guard.AdmitClipAsync(Owner, 0.60m, CancellationToken.None)).Dispose();

        using var again = await guard.AdmitClipAsync(Owner, 0.60m, CancellationToken.None);

        again.Refusal.Should().BeNull("nothing was booked and the first reservation was given back");
    }

    [Fact]
    public async Task AdmitClip_NewMonth_LastMonthsSpendingNoLongerCounts()
    {
        await BookAsync(1.00m, _time.GetUtcNow());
        var guard = _core.Get<BudgetGuard>();
        using (var march = await guard.AdmitClipAsync(Owner, 0.10m, CancellationToken.None))
        {
            march.Refusal.Should().NotBeNull();
        }

        _time.SetUtcNow(new DateTimeOffset(2026, 4, 1, 0, 0, 0, TimeSpan.Zero));

        using var april = await guard.AdmitClipAsync(Owner, 0.10m, CancellationToken.None);
        april.Refusal.Should().BeNull();
    }

    [Fact]
    public async Task AdmitClip_FreeClipOverBudget_IsNeverRefused()
    {
        await BookAsync(3.00m, _time.GetUtcNow());

        using var free = await _core.Get<BudgetGuard>().AdmitClipAsync(Owner, 0m, CancellationToken.None);

        free.Refusal.Should().BeNull();
    }

    [Fact]
    public async Task Status_NoBudgetConfigured_IsUnlimited()
    {
        await using var unlimited = await CoreHost.StartAsync(engine: Engine);
        await using (var db = await unlimited.Get<IDbContextFactory<StudioDbContext>>().CreateDbContextAsync())
        {
            db.Costs.Add(new CostEntry(Guid.NewGuid(), Owner, Guid.NewGuid(), 0, "paid", CostKind.Clip, 1000m, DateTimeOffset.UtcNow));
            await db.SaveChangesAsync();
        }

        var guard = unlimited.Get<BudgetGuard>();
        var status = await guard.StatusAsync(Owner, CancellationToken.None);

        status.MonthlyUsd.Should().BeNull();
        status.RemainingUsd.Should().BeNull();
        status.SpentUsd.Should().Be(1000m);
        using var admission = await guard.AdmitClipAsync(Owner, 50m, CancellationToken.None);
        admission.Refusal.Should().BeNull();
    }

    private async Task BookAsync(decimal usd, DateTimeOffset at, CostKind kind = CostKind.Clip, string owner = Owner)
    {
        await using var db = await _core.Get<IDbContextFactory<StudioDbContext>>().CreateDbContextAsync();
        db.Costs.Add(new CostEntry(Guid.NewGuid(), owner, Guid.NewGuid(), 0, "paid", kind, usd, at));
        await db.SaveChangesAsync();
    }
}
