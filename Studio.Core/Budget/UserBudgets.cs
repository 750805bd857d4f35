using Microsoft.EntityFrameworkCore;
using Studio.Core.Persistence;

namespace Studio.Core.Budget;

/// <summary>An admin's per-user budgets.</summary>
public sealed class UserBudgets(IDbContextFactory<StudioDbContext> dbFactory, DatabaseWriteGate writes, IDatabaseConcurrency concurrency, TimeProvider time)
{
    /// <summary>Largest budget accepted, USD per month.</summary>
    public const decimal MaxMonthlyUsd = 1_000_000m;

    /// <summary>
    /// Sets the user's monthly budget, or with null gives them the default again; false when there is no such user.
    /// Jobs already running keep going; their next paid clips are checked against the new amount.
    /// </summary>
    public async Task<bool> SetAsync(string userId, decimal? monthlyUsd, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct).ConfigureAwait(false);
        if (!await db.Users.AnyAsync(u => u.Id == userId, ct).ConfigureAwait(false))
        {
            return false;
        }

        // Read and written in the user's budget turn (PostgreSQL: an advisory lock), so two changes at once never both insert.
        using var turn = await writes.EnterAsync(ct).ConfigureAwait(false);
        await using var transaction = await db.Database.BeginTransactionAsync(ct).ConfigureAwait(false);
        await concurrency.SerializeAsync(db, "budget:" + userId, ct).ConfigureAwait(false);
        var row = await db.Budgets.FirstOrDefaultAsync(b => b.UserId == userId, ct).ConfigureAwait(false);
        if (monthlyUsd is not { } amount)
        {
            if (row is not null)
            {
                db.Budgets.Remove(row);
            }
        }
        else if (row is null)
        {
            db.Budgets.Add(new UserBudget(userId, amount, time.GetUtcNow()));
        }
        else
        {
            row.Change(amount, time.GetUtcNow());
        }

        await db.SaveChangesAsync(ct).ConfigureAwait(false);
        await transaction.CommitAsync(ct).ConfigureAwait(false);
        return true;
    }
}
