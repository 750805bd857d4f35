namespace Studio.Providers.Sim.Wire;

/// <summary>The values of <see cref="SimGeneration.Status"/>.</summary>
public static class SimStatuses
{
    /// <summary>Accepted, not started.</summary>
    public const string Queued = "queued";

    /// <summary>Rendering; progress rises.</summary>
    public const string Running = "running";

    /// <summary>Done: the content can be downloaded.</summary>
    public const string Succeeded = "succeeded";

    /// <summary>Failed at the provider; see the error.</summary>
    public const string Failed = "failed";

    /// <summary>Stopped by a DELETE.</summary>
    public const string Cancelled = "cancelled";
}
