namespace Studio.Core.Budget;

/// <summary>
/// The price of a paid clip (or voice-over) admitted and not yet charged, held against its owner's budget while it is
/// submitted. In the database, so that every process sharing it sees the others' clips; a row outlives its process only
/// until <see cref="HeldUntil"/> (a crash between admission and charge).
/// </summary>
public sealed class ClipReservation
{
    /// <summary>A reservation of <paramref name="amountUsd"/> for <paramref name="ownerId"/> that lapses at <paramref name="heldUntil"/>.</summary>
    public ClipReservation(Guid id, string ownerId, decimal amountUsd, DateTimeOffset heldUntil)
    {
        Id = id;
        OwnerId = ownerId;
        AmountUsd = amountUsd;
        HeldUntil = heldUntil;
    }

    /// <summary>Identity.</summary>
    public Guid Id { get; private set; }

    /// <summary>The user whose budget holds it.</summary>
    public string OwnerId { get; private set; }

    /// <summary>The price held.</summary>
    public decimal AmountUsd { get; private set; }

    /// <summary>When it stops counting if its process never gave it back.</summary>
    public DateTimeOffset HeldUntil { get; private set; }
}
