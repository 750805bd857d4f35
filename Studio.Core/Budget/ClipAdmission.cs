using Microsoft.EntityFrameworkCore;
using Studio.Core.Persistence;

namespace Studio.Core.Budget;

/// <summary>
/// The answer to "may this paid clip be submitted?": refused (with why), or admitted with the clip's price reserved,
/// which the worker keeps until the clip's charge is in the ledger, so that the owner's other clips are checked against
/// spending that includes this one. The reservation is given back in the write that books the charge
/// (<see cref="ReleaseWithinAsync"/>), so the price is never counted twice, as reserved and as spent; disposing gives it
/// back too (nothing was submitted, or that write failed).
/// </summary>
public sealed class ClipAdmission : IDisposable
{
    private readonly IDbContextFactory<StudioDbContext>? _dbFactory;
    private readonly Guid? _reservationId;
    private int _disposed;

    private ClipAdmission(BudgetRefusal? refusal, IDbContextFactory<StudioDbContext>? dbFactory, Guid? reservationId)
    {
        Refusal = refusal;
        _dbFactory = dbFactory;
        _reservationId = reservationId;
    }

    /// <summary>Admitted without a reservation: a free clip, or a user without a budget.</summary>
    public static ClipAdmission Free { get; } = new(null, null, null);

    /// <summary>Why the clip may not be submitted; null when it may.</summary>
    public BudgetRefusal? Refusal { get; }

    /// <summary>Admitted, with the price reserved in the row <paramref name="reservationId"/>.</summary>
    internal static ClipAdmission Admitted(IDbContextFactory<StudioDbContext> dbFactory, Guid reservationId) => new(null, dbFactory, reservationId);

    /// <summary>Refused; nothing is reserved.</summary>
    internal static ClipAdmission Refused(BudgetRefusal refusal) => new(refusal, null, null);

    /// <summary>
    /// Gives the reservation back through <paramref name="db"/>, inside the caller's transaction that books the charge:
    /// the reservation ends when, and only when, the charge is in the ledger. Disposing afterwards deletes nothing more
    /// than an already-deleted row (should that transaction roll back, it gives the reservation back then).
    /// </summary>
    public Task ReleaseWithinAsync(StudioDbContext db, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        return _reservationId is { } id
            ? db.ClipReservations.Where(r => r.Id == id).ExecuteDeleteAsync(ct)
            : Task.CompletedTask;
    }

    /// <summary>Gives the reservation back (nothing was submitted, or the write that booked the charge gave it back already).</summary>
    public void Dispose()
    {
        if (_reservationId is { } id && _dbFactory is not null && Interlocked.Exchange(ref _disposed, 1) == 0)
        {
            // One short delete by key; were it lost, the reservation would lapse at its HeldUntil.
            using var db = _dbFactory.CreateDbContext();
            db.ClipReservations.Where(r => r.Id == id).ExecuteDelete();
        }
    }
}
