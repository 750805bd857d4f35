namespace Studio.Core.Admin;

/// <summary>What an admin does to several jobs at once.</summary>
public enum BulkJobAction
{
    /// <summary>Cancel jobs still being made.</summary>
    Cancel,

    /// <summary>Make the failed or cancelled segments of failed or cancelled jobs again.</summary>
    Retry,

    /// <summary>Delete finished or draft jobs with their files (the spending ledger keeps its lines).</summary>
    Delete,
}
