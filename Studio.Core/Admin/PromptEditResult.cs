using Studio.Core.Jobs;

namespace Studio.Core.Admin;

/// <summary>How an admin's new prompt for a segment was taken.</summary>
public enum PromptEditKind
{
    /// <summary>The segment had not been sent to a provider yet: its coming take uses the new prompt, nothing more is made or billed.</summary>
    ChangedBeforeSubmission,

    /// <summary>The segment was finished: a new take with the new prompt is being made (and billed); earlier takes stay.</summary>
    Regenerating,
}

/// <summary>The outcome of an admin's prompt edit.</summary>
/// <param name="Result">Done, or why not.</param>
/// <param name="Kind">How the prompt was taken; null when refused.</param>
public sealed record PromptEditResult(JobCommandResult Result, PromptEditKind? Kind);
