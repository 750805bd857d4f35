using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;
using Studio.Core.Jobs;
using Studio.Core.Persistence;

namespace Studio.Core.Budget;

/// <summary>
/// Keeps each user's spending within their monthly budget. A job starts only when its estimate fits beside what is
/// spent this month and what jobs in progress still expect to spend (reserved); the start's caller runs the check and
/// the job's move to Queued (its reservation) in one write, so two starts cannot both take the last of a budget. Before
/// each paid submission the real spending is checked again: a budget lowered meanwhile, or retries and new takes that
/// cost more than the estimate, stop the clip before it is paid for; each admitted clip reserves its price until its
/// charge is booked, so a user's clips are submitted in parallel without passing the budget together — in the database,
/// so that all processes sharing it count each other's clips. Free work is never refused.
/// </summary>
public sealed class BudgetGuard(
    IDbContextFactory<StudioDbContext> dbFactory,
    IDatabaseConcurrency concurrency,
    DatabaseWriteGate writes,
    IOptions<BudgetOptions> options,
    TimeProvider time,
    IStringLocalizerFactory localizers) : IDisposable
{
    private readonly IStringLocalizer _refusalWords = localizers.Create(typeof(BudgetRefusal));

    /// <summary>How long an admitted clip's reservation counts if its process dies before giving it back.</summary>
    private static readonly TimeSpan HoldAtMost = TimeSpan.FromMinutes(30);

    private readonly OwnerTurns _turns = new();

    /// <summary>Where the user stands this month.</summary>
    public async Task<BudgetStatus> StatusAsync(string userId, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct).ConfigureAwait(false);
        var (from, to, month) = MonthlySpending.MonthOf(time.GetUtcNow());
        var budget = await MonthlySpending.BudgetOfAsync(db, userId, options.Value.MonthlyUsdPerUser, ct).ConfigureAwait(false);
        var spent = await MonthlySpending.SpentAsync(db, userId, from, to, ct).ConfigureAwait(false);
        var reserved = await MonthlySpending.ReservedAsync(db, userId, ct).ConfigureAwait(false);
        return new BudgetStatus(budget, spent, reserved, budget is { } b ? Math.Max(0m, b - spent - reserved) : null, month);
    }

    /// <summary>
    /// Whether the Draft <paramref name="job"/> may start: null when it may, else why not. Read through
    /// <paramref name="db"/>, which the caller holds in the write transaction that then queues the job.
    /// </summary>
    public async Task<BudgetRefusal?> CheckStartAsync(StudioDbContext db, ProductionJob job, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(job);
        var estimate = await MonthlySpending.StillToSpendAsync(db, job, ct).ConfigureAwait(false);
        if (estimate <= 0 || await MonthlySpending.BudgetOfAsync(db, job.OwnerId, options.Value.MonthlyUsdPerUser, ct).ConfigureAwait(false) is not { } budget)
        {
            return null;
        }

        var (spent, reserved) = await CommittedAsync(db, job.OwnerId, ct).ConfigureAwait(false);
        return spent + reserved + estimate > budget ? BudgetRefusal.ForStart(_refusalWords, budget, spent, reserved, estimate) : null;
    }

    /// <summary>
    /// Whether a clip costing <paramref name="priceUsd"/> may be submitted for the user. An admitted paid clip of a user
    /// with a budget reserves its price until disposed: dispose once its charge is booked (or nothing was submitted).
    /// </summary>
    public Task<ClipAdmission> AdmitClipAsync(string ownerId, decimal priceUsd, CancellationToken ct) =>
        AdmitAsync(ownerId, priceUsd, BudgetRefusal.ForClip, ct);

    /// <summary>
    /// Whether a cut's hosted voice-over costing <paramref name="priceUsd"/> may be spoken, checked and reserved exactly
    /// as a clip is: dispose the admission once the voice-over's charge is booked (or nothing was spoken).
    /// </summary>
    public Task<ClipAdmission> AdmitVoiceAsync(string ownerId, decimal priceUsd, CancellationToken ct) =>
        AdmitAsync(ownerId, priceUsd, BudgetRefusal.ForVoice, ct);

    /// <summary>
    /// Whether new work on <paramref name="job"/> (failed segments made again, a new take, another cut with a hosted
    /// voice) costing <paramref name="neededUsd"/> fits the owner's budget; null when it does, and then the job's
    /// estimate is raised so that its reservation holds the new work once the caller saves it. Read through
    /// <paramref name="db"/>, which the caller holds in the write transaction that saves the job: two such commands
    /// cannot both take the last of a budget. <paramref name="wasInProgress"/>: the job was queued, running or
    /// assembling before the command (its reservation already counts). Free work is never refused.
    /// </summary>
    public async Task<BudgetRefusal?> ReserveNewWorkAsync(StudioDbContext db, ProductionJob job, bool wasInProgress, decimal neededUsd, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(job);
        if (neededUsd <= 0)
        {
            return null;
        }

        if (await MonthlySpending.BudgetOfAsync(db, job.OwnerId, options.Value.MonthlyUsdPerUser, ct).ConfigureAwait(false) is { } budget)
        {
            var (spent, reserved) = await CommittedAsync(db, job.OwnerId, ct).ConfigureAwait(false);
            if (spent + reserved + neededUsd > budget)
            {
                return BudgetRefusal.ForNewWork(_refusalWords, budget, spent, reserved, neededUsd);
            }
        }

        // The job's reservation (its estimate less its spending, while in progress) must now hold the new work beside
        // what it held already; the estimate is never lowered, so a reopened job may hold more than the new work.
        var jobSpent = await MonthlySpending.JobSpentAsync(db, job.Id, ct).ConfigureAwait(false);
        var reservedBefore = wasInProgress ? Math.Max(0m, job.EstimatedCostUsd - jobSpent) : 0m;
        job.ExpectAtLeast(jobSpent + reservedBefore + neededUsd);
        return null;
    }

    /// <summary>
    /// What the user has spent this month and what their jobs in progress still hold, read through <paramref name="db"/>
    /// in the owner's budget turn: on a database shared by several processes, another check-and-reserve for the same
    /// owner waits until the caller's transaction ends, then reads what it reserved.
    /// </summary>
    private async Task<(decimal Spent, decimal Reserved)> CommittedAsync(StudioDbContext db, string ownerId, CancellationToken ct)
    {
        await concurrency.SerializeAsync(db, BudgetScope(ownerId), ct).ConfigureAwait(false);
        var (from, to, _) = MonthlySpending.MonthOf(time.GetUtcNow());
        var spent = await MonthlySpending.SpentAsync(db, ownerId, from, to, ct).ConfigureAwait(false);
        var reserved = await MonthlySpending.ReservedAsync(db, ownerId, ct).ConfigureAwait(false);
        return (spent, reserved);
    }

    private async Task<ClipAdmission> AdmitAsync(string ownerId, decimal priceUsd, Func<decimal, decimal, decimal, BudgetRefusal> refuse, CancellationToken ct)
    {
        if (priceUsd <= 0)
        {
            return ClipAdmission.Free;
        }

        await using var db = await dbFactory.CreateDbContextAsync(ct).ConfigureAwait(false);
        if (await MonthlySpending.BudgetOfAsync(db, ownerId, options.Value.MonthlyUsdPerUser, ct).ConfigureAwait(false) is null)
        {
            // No budget: nothing to take turns for.
            return ClipAdmission.Free;
        }

        // The check and the reservation are made in this owner's turn, which is held only for them: other clips of the
        // same owner are then submitted in parallel, each seeing the others' reservations until their charges are booked.
        // The turn is this process's (OwnerTurns) and, on a shared database, every process's (the transaction's lock).
        using (await _turns.EnterAsync(ownerId, ct).ConfigureAwait(false))
        using (await writes.EnterAsync(ct).ConfigureAwait(false))
        {
            await using var transaction = await db.Database.BeginTransactionAsync(ct).ConfigureAwait(false);
            await concurrency.SerializeAsync(db, BudgetScope(ownerId), ct).ConfigureAwait(false);

            // Read again in turn: an admin may have changed the budget while this clip waited.
            if (await MonthlySpending.BudgetOfAsync(db, ownerId, options.Value.MonthlyUsdPerUser, ct).ConfigureAwait(false) is not { } budget)
            {
                return ClipAdmission.Free;
            }

            var now = time.GetUtcNow();
            var (from, to, _) = MonthlySpending.MonthOf(now);
            var spent = await MonthlySpending.SpentAsync(db, ownerId, from, to, ct).ConfigureAwait(false);

            // SQLite cannot sum decimals exactly: the amounts are added here.
            var inFlight = (await db.ClipReservations.AsNoTracking().Where(r => r.OwnerId == ownerId && r.HeldUntil > now)
                .Select(r => r.AmountUsd).ToListAsync(ct).ConfigureAwait(false)).Sum();
            if (spent + inFlight + priceUsd > budget)
            {
                return ClipAdmission.Refused(refuse(budget, spent + inFlight, priceUsd));
            }

            var reservation = new ClipReservation(Guid.NewGuid(), ownerId, priceUsd, now + HoldAtMost);
            db.ClipReservations.Add(reservation);
            await db.ClipReservations.Where(r => r.OwnerId == ownerId && r.HeldUntil <= now).ExecuteDeleteAsync(ct).ConfigureAwait(false);
            await db.SaveChangesAsync(ct).ConfigureAwait(false);
            await transaction.CommitAsync(ct).ConfigureAwait(false);
            return ClipAdmission.Admitted(dbFactory, reservation.Id);
        }
    }

    private static string BudgetScope(string ownerId) => "budget:" + ownerId;

    /// <summary>Releases the owners' turns.</summary>
    public void Dispose() => _turns.Dispose();
}
