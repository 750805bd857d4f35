namespace Studio.Core.Jobs;

/// <summary>The outcome of a command on a job, with the reason when the job's state forbids it.</summary>
/// <param name="Outcome">Done, not found, or in conflict with the job's state.</param>
/// <param name="Reason">Why not, in words for the user (for <see cref="JobCommandOutcome.Conflict"/>).</param>
public sealed record JobCommandResult(JobCommandOutcome Outcome, string? Reason = null)
{
    /// <summary>Done.</summary>
    public static JobCommandResult Done { get; } = new(JobCommandOutcome.Done);

    /// <summary>No such job, segment or take for this user.</summary>
    public static JobCommandResult NotFound { get; } = new(JobCommandOutcome.NotFound);

    /// <summary>The job's state forbids it, because <paramref name="reason"/>.</summary>
    public static JobCommandResult Conflict(string reason) => new(JobCommandOutcome.Conflict, reason);

    /// <summary>What was asked is not valid, because <paramref name="reason"/>.</summary>
    public static JobCommandResult Invalid(string reason) => new(JobCommandOutcome.Invalid, reason);

    /// <summary>Refused by the owner's monthly budget, because <paramref name="reason"/> (with the numbers).</summary>
    public static JobCommandResult OverBudget(string reason) => new(JobCommandOutcome.OverBudget, reason);
}
