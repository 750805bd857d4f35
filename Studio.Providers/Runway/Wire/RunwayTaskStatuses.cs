namespace Studio.Providers.Runway.Wire;

/// <summary>The values of <see cref="RunwayTask.Status"/>.</summary>
public static class RunwayTaskStatuses
{
    /// <summary>Accepted, waiting to start.</summary>
    public const string Pending = "PENDING";

    /// <summary>Accepted, held back by the organisation's concurrency limit; runs in submit order.</summary>
    public const string Throttled = "THROTTLED";

    /// <summary>Being rendered (progress rises).</summary>
    public const string Running = "RUNNING";

    /// <summary>Done: <see cref="RunwayTask.Output"/> holds the result.</summary>
    public const string Succeeded = "SUCCEEDED";

    /// <summary>Failed: see <see cref="RunwayTask.Failure"/> and <see cref="RunwayTask.FailureCode"/>.</summary>
    public const string Failed = "FAILED";

    /// <summary>Cancelled by a DELETE.</summary>
    public const string Cancelled = "CANCELLED";
}
