using Microsoft.Extensions.Localization;
using Studio.Core.Common;

namespace Studio.Core.Budget;

/// <summary>Why spending was refused: the numbers, and a sentence for the user.</summary>
/// <param name="BudgetUsd">The user's monthly budget.</param>
/// <param name="SpentUsd">Spent this month.</param>
/// <param name="ReservedUsd">Still expected by other queued and running jobs.</param>
/// <param name="EstimateUsd">What was asked for: the job's estimate still to spend, or one clip's price.</param>
/// <param name="Message">The refusal in words, with the numbers.</param>
public sealed record BudgetRefusal(decimal BudgetUsd, decimal SpentUsd, decimal ReservedUsd, decimal EstimateUsd, string Message)
{
    /// <summary>
    /// Refuses to start a job, in the words of <paramref name="L"/> (this class's localizer:
    /// <c>IStringLocalizerFactory.Create(typeof(BudgetRefusal))</c>) and so in the caller's language.
    /// </summary>
    public static BudgetRefusal ForStart(IStringLocalizer L, decimal budget, decimal spent, decimal reserved, decimal estimate)
    {
        ArgumentNullException.ThrowIfNull(L);
        return new(budget, spent, reserved, estimate,
            L["Over your monthly budget: this job is estimated at ${0:0.00##}; your budget is ${1:0.00##}, of which ${2:0.00##} is spent this month and ${3:0.00##} is reserved by jobs in progress, leaving ${4:0.00##}. Ask an admin to raise your budget, or choose a cheaper provider.",
            estimate, budget, spent, reserved, Math.Max(0, budget - spent - reserved)]);
    }

    /// <summary>
    /// The refusal as a stored sentence, for refusals met by workers (a clip, a voice-over) that become a job's failure
    /// reason: worded in each reader's language when read. Null for refusals answered at once (already in the caller's language).
    /// </summary>
    public StoredText? Stored { get; init; }

    /// <summary>Refuses a paid submission.</summary>
    public static BudgetRefusal ForClip(decimal budget, decimal spent, decimal price) =>
        Of(budget, spent, price, StoredText.Of(
            "Over your monthly budget: this clip costs ${0:0.00##} and ${1:0.00##} of your ${2:0.00##} is already spent this month, so it was not submitted. Ask an admin to raise your budget, then retry.",
            price, spent, budget));

    /// <summary>Refuses the paid voice-over of a cut: the clips are kept, the cut is not made.</summary>
    public static BudgetRefusal ForVoice(decimal budget, decimal spent, decimal price) =>
        Of(budget, spent, price, StoredText.Of(
            "Over your monthly budget: the hosted voice-over costs ${0:0.00##} and ${1:0.00##} of your ${2:0.00##} is already spent this month, leaving ${3:0.00##}, so the narration was not spoken and the final video was not assembled. Your clips are kept: ask an admin to raise your budget, then choose Assemble again.",
            price, spent, budget, Math.Max(0, budget - spent)));

    /// <summary>Refuses a retry, a new take or a new cut before anything changes, in the caller's language (see <see cref="ForStart"/>).</summary>
    public static BudgetRefusal ForNewWork(IStringLocalizer L, decimal budget, decimal spent, decimal reserved, decimal estimate)
    {
        ArgumentNullException.ThrowIfNull(L);
        return new(budget, spent, reserved, estimate,
            L["Over your monthly budget: this is estimated at ${0:0.00##}; your budget is ${1:0.00##}, of which ${2:0.00##} is spent this month and ${3:0.00##} is reserved by jobs in progress, leaving ${4:0.00##}. Nothing was changed. Ask an admin to raise your budget.",
            estimate, budget, spent, reserved, Math.Max(0, budget - spent - reserved)]);
    }

    // Refusals met by workers are stored: their English (invariant digits) is the Message, their sentence is Stored.
    private static BudgetRefusal Of(decimal budget, decimal spent, decimal price, StoredText text) =>
        new(budget, spent, 0, price, text.English) { Stored = text };
}
