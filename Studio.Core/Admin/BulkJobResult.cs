using Studio.Core.Jobs;

namespace Studio.Core.Admin;

/// <summary>What became of each job of a bulk action.</summary>
/// <param name="Action">The action.</param>
/// <param name="Items">One line per job asked for, in the order asked.</param>
public sealed record BulkJobResult(BulkJobAction Action, IReadOnlyList<BulkJobItem> Items)
{
    /// <summary>Jobs the action was done to.</summary>
    public int Done => Items.Count(i => i.Outcome == JobCommandOutcome.Done);

    /// <summary>Jobs it could not be done to, with why.</summary>
    public IReadOnlyList<BulkJobItem> Refused => [.. Items.Where(i => i.Outcome != JobCommandOutcome.Done)];
}

/// <summary>One job of a bulk action.</summary>
/// <param name="JobId">The job.</param>
/// <param name="Title">Its title; empty when there is no such job.</param>
/// <param name="Outcome">Done, or why not.</param>
/// <param name="Reason">Why not, in words; null when done.</param>
public sealed record BulkJobItem(Guid JobId, string Title, JobCommandOutcome Outcome, string? Reason);
