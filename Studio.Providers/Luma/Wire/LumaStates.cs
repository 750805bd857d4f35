namespace Studio.Providers.Luma.Wire;

/// <summary>The values of a generation's <c>state</c>.</summary>
public static class LumaStates
{
    /// <summary>Waiting.</summary>
    public const string Queued = "queued";

    /// <summary>Being made.</summary>
    public const string Dreaming = "dreaming";

    /// <summary>Done: <c>assets.video</c> is set.</summary>
    public const string Completed = "completed";

    /// <summary>Failed: <c>failure_reason</c> says why (the generation is refunded).</summary>
    public const string Failed = "failed";
}
