namespace Studio.Core.Budget;

/// <summary>
/// The answer to "may this paid clip be submitted?": refused (with why), or admitted with the clip's price reserved,
/// which the worker keeps until the clip's charge is in the ledger (dispose it then), so that the owner's other clips
/// are checked against spending that includes this one.
/// </summary>
public sealed class ClipAdmission : IDisposable
{
    private IDisposable? _reservation;

    private ClipAdmission(BudgetRefusal? refusal, IDisposable? reservation)
    {
        Refusal = refusal;
        _reservation = reservation;
    }

    /// <summary>Admitted without a reservation: a free clip, or a user without a budget.</summary>
    public static ClipAdmission Free { get; } = new(null, null);

    /// <summary>Why the clip may not be submitted; null when it may.</summary>
    public BudgetRefusal? Refusal { get; }

    /// <summary>Admitted, with the price reserved.</summary>
    internal static ClipAdmission Admitted(IDisposable reservation) => new(null, reservation);

    /// <summary>Refused; nothing is reserved.</summary>
    internal static ClipAdmission Refused(BudgetRefusal refusal) => new(refusal, null);

    /// <summary>Gives the reservation back (once the charge is booked, or nothing was submitted).</summary>
    public void Dispose() => Interlocked.Exchange(ref _reservation, null)?.Dispose();
}
