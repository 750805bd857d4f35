namespace Studio.Core.Budget;

/// <summary>
/// The answer to "may this paid clip be submitted?": refused (with why), or admitted holding the owner's turn, which
/// the worker keeps until the clip's charge is in the ledger (dispose it then), so that the owner's next clip is checked
/// against spending that includes this one.
/// </summary>
public sealed class ClipAdmission : IDisposable
{
    private IDisposable? _turn;

    private ClipAdmission(BudgetRefusal? refusal, IDisposable? turn)
    {
        Refusal = refusal;
        _turn = turn;
    }

    /// <summary>Admitted without a turn: a free clip, or a user without a budget.</summary>
    public static ClipAdmission Free { get; } = new(null, null);

    /// <summary>Why the clip may not be submitted; null when it may.</summary>
    public BudgetRefusal? Refusal { get; }

    /// <summary>Admitted, holding the owner's turn.</summary>
    internal static ClipAdmission Admitted(IDisposable turn) => new(null, turn);

    /// <summary>Refused; the turn is given back at once.</summary>
    internal static ClipAdmission Refused(BudgetRefusal refusal) => new(refusal, null);

    /// <summary>Passes the owner's turn on.</summary>
    public void Dispose() => Interlocked.Exchange(ref _turn, null)?.Dispose();
}
