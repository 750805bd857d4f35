using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Studio.Core.Jobs;
using Studio.Core.Persistence;

namespace Studio.Core.Budget;

/// <summary>
/// Keeps each user's spending within their monthly budget. A job starts only when its estimate fits beside what is
/// spent this month and what jobs in progress still expect to spend (reserved); the start's caller runs the check and
/// the job's move to Queued (its reservation) in one write, so two starts cannot both take the last of a budget. Before
/// each paid submission the real spending is checked again: a budget lowered meanwhile, or retries and new takes that
/// cost more than the estimate, stop the clip before it is paid for; a user's paid submissions take turns from the check
/// until the charge is booked. Free work is never refused.
/// </summary>
public sealed class BudgetGuard(IDbContextFactory<StudioDbContext> dbFactory, IOptions<BudgetOptions> options, TimeProvider time) : IDisposable
{
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

        var (from, to, _) = MonthlySpending.MonthOf(time.GetUtcNow());
        var spent = await MonthlySpending.SpentAsync(db, job.OwnerId, from, to, ct).ConfigureAwait(false);
        var reserved = await MonthlySpending.ReservedAsync(db, job.OwnerId, ct).ConfigureAwait(false);
        return spent + reserved + estimate > budget ? BudgetRefusal.ForStart(budget, spent, reserved, estimate) : null;
    }

    /// <summary>
    /// Whether a clip costing <paramref name="priceUsd"/> may be submitted for the user. Admitted paid clips of a user with
    /// a budget hold the user's turn until disposed: dispose once the clip's charge is booked (or nothing was submitted).
    /// </summary>
    public async Task<ClipAdmission> AdmitClipAsync(string ownerId, decimal priceUsd, CancellationToken ct)
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

        var turn = await _turns.EnterAsync(ownerId, ct).ConfigureAwait(false);
        try
        {
            // Read again in turn: an admin may have changed the budget while this clip waited.
            if (await MonthlySpending.BudgetOfAsync(db, ownerId, options.Value.MonthlyUsdPerUser, ct).ConfigureAwait(false) is not { } budget)
            {
                turn.Dispose();
                return ClipAdmission.Free;
            }

            var (from, to, _) = MonthlySpending.MonthOf(time.GetUtcNow());
            var spent = await MonthlySpending.SpentAsync(db, ownerId, from, to, ct).ConfigureAwait(false);
            if (spent + priceUsd > budget)
            {
                turn.Dispose();
                return ClipAdmission.Refused(BudgetRefusal.ForClip(budget, spent, priceUsd));
            }

            return ClipAdmission.Admitted(turn);
        }
        catch
        {
            turn.Dispose();
            throw;
        }
    }

    /// <inheritdoc />
    public void Dispose() => _turns.Dispose();
}
