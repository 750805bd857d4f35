namespace Studio.Core.Jobs;

/// <summary>The outcome of a command on an existing job.</summary>
public enum JobCommandOutcome
{
    /// <summary>Done.</summary>
    Done,

    /// <summary>No such job for this user (another user's job is not found either).</summary>
    NotFound,

    /// <summary>The job's state forbids it.</summary>
    Conflict,

    /// <summary>What was asked is not valid (e.g. an empty prompt).</summary>
    Invalid,

    /// <summary>It would take the owner's spending past their monthly budget.</summary>
    OverBudget,
}
